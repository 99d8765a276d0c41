using System.Globalization;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.DevelopmentPlans.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.DevelopmentPlans.GetPlanChanges;

/// <summary>How an item differs from the approved baseline.</summary>
public enum PlanItemChange
{
    Added,
    Removed,
    Changed,
    Unchanged,
}

/// <summary>One changed field of the plan's header.</summary>
/// <param name="Path" example="endDate">The field.</param>
/// <param name="Before" example="2028-12-31">Its value in the approved baseline (dates as YYYY-MM-DD, lists one item per line).</param>
/// <param name="After" example="2029-06-30">Its value in this version.</param>
public sealed record PlanFieldChangeDto(string Path, string? Before, string? After);

/// <summary>An objective as the baseline or this version defines it.</summary>
/// <param name="Title" example="汽车零部件年收入达到 1,500 万元">What is to be achieved.</param>
/// <param name="Unit">What the measure counts in.</param>
/// <param name="Direction">Whether more or less is better.</param>
/// <param name="Baseline" example="9000000">Where the measure starts.</param>
/// <param name="Target" example="15000000">Where it should get.</param>
/// <param name="Currency" example="CNY">Currency of a Currency measure.</param>
/// <param name="Source">Manual or the metric it is computed from.</param>
/// <param name="DueDate" example="2028-12-31">When the target is due.</param>
public sealed record PlanObjectiveTermsDto(string Title, MeasureUnit Unit, MeasureDirection Direction, decimal Baseline, decimal Target, string? Currency, MeasureSource Source, DateOnly DueDate);

/// <summary>An objective's change against the baseline.</summary>
/// <param name="Id">The objective in this version; null when it was removed.</param>
/// <param name="Title" example="汽车零部件年收入达到 1,500 万元">Its title (this version's; the baseline's when removed).</param>
/// <param name="Change">Added, Removed, Changed or Unchanged.</param>
/// <param name="Before">As approved; null when added.</param>
/// <param name="After">As in this version; null when removed.</param>
public sealed record PlanObjectiveChangeDto(PlanObjectiveId? Id, string Title, PlanItemChange Change, PlanObjectiveTermsDto? Before, PlanObjectiveTermsDto? After);

/// <summary>An initiative as the baseline or this version defines it.</summary>
/// <param name="Title" example="建立联合研发实验室">What is done.</param>
/// <param name="OwnerId">Who is responsible.</param>
/// <param name="Department">The department that carries it.</param>
/// <param name="DueDate" example="2027-06-30">When it is due.</param>
/// <param name="ObjectiveTitle" example="汽车零部件年收入达到 1,500 万元">The objective it serves; null when none.</param>
/// <param name="Budget">Its budget; null when none.</param>
/// <param name="PersonDays" example="40">Its effort in person-days; null when not estimated.</param>
public sealed record PlanInitiativeTermsDto(string Title, UserId OwnerId, Department Department, DateOnly DueDate, string? ObjectiveTitle, MoneyDto? Budget, decimal? PersonDays);

/// <summary>An initiative's change against the baseline.</summary>
/// <param name="Id">The initiative in this version; null when it was removed.</param>
/// <param name="Title" example="建立联合研发实验室">Its title (this version's; the baseline's when removed).</param>
/// <param name="Change">Added, Removed, Changed or Unchanged.</param>
/// <param name="Before">As approved; null when added.</param>
/// <param name="After">As in this version; null when removed.</param>
public sealed record PlanInitiativeChangeDto(PlanInitiativeId? Id, string Title, PlanItemChange Change, PlanInitiativeTermsDto? Before, PlanInitiativeTermsDto? After);

/// <summary>What a plan version changes against the approved baseline of the version it revises (what the approving Director reads).</summary>
/// <param name="PreviousVersionId">The version it revises; null for a first version (then everything is Added).</param>
/// <param name="PreviousPlanVersion" example="1">That version's number; null for a first version.</param>
/// <param name="Fields">Changed header fields (period, value proposition, priorities).</param>
/// <param name="Objectives">Every objective of either side, matched across versions.</param>
/// <param name="Initiatives">Every initiative of either side, matched across versions.</param>
public sealed record PlanChangesDto(DevelopmentPlanId? PreviousVersionId, int? PreviousPlanVersion, IReadOnlyList<PlanFieldChangeDto> Fields, IReadOnlyList<PlanObjectiveChangeDto> Objectives, IReadOnlyList<PlanInitiativeChangeDto> Initiatives);

/// <summary>The diff of a plan version against the previous version's approved baseline.</summary>
public sealed record GetPlanChangesQuery(DevelopmentPlanId Id) : IQuery<PlanChangesDto>;

/// <summary>Objectives and initiatives are matched by the key they keep across versions (the baseline records it).</summary>
public sealed class GetPlanChangesHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetPlanChangesQuery, PlanChangesDto>
{
    public async ValueTask<PlanChangesDto> Handle(GetPlanChangesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var plan = await db.LoadPlanAsync(query.Id, user, null, cancellationToken).ConfigureAwait(false);
        var previous = plan.PreviousVersionId is { } previousId
            ? await db.DevelopmentPlans.AsNoTracking().Where(p => p.Id == previousId).Select(p => new { p.PlanVersion, p.Baseline }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : null;
        var baseline = previous?.Baseline;

        var fields = new List<PlanFieldChangeDto>();
        if (baseline is not null)
        {
            void Compare(string path, string? before, string? after)
            {
                if (!string.Equals(before, after, StringComparison.Ordinal))
                {
                    fields.Add(new PlanFieldChangeDto(path, before, after));
                }
            }

            Compare("startDate", Day(baseline.StartDate), Day(plan.StartDate));
            Compare("endDate", Day(baseline.EndDate), Day(plan.EndDate));
            Compare("valueProposition", baseline.ValueProposition, plan.ValueProposition);
            Compare("strategicPriorities", string.Join('\n', baseline.StrategicPriorities), string.Join('\n', plan.StrategicPriorities));
        }

        var beforeObjectives = baseline?.Objectives ?? [];
        var currentObjectives = plan.Objectives.OrderBy(o => o.Position).ToList();
        var objectives = new List<PlanObjectiveChangeDto>();
        foreach (var o in currentObjectives)
        {
            var after = new PlanObjectiveTermsDto(o.Title, o.Measure.Unit, o.Measure.Direction, o.Measure.Baseline, o.Measure.Target, o.Measure.Currency, o.Measure.Source, o.DueDate);
            var match = beforeObjectives.FirstOrDefault(b => b.Key == o.Key);
            var before = match is null ? null : Terms(match);
            objectives.Add(new PlanObjectiveChangeDto(o.Id, o.Title, Change(before, after), before, after));
        }

        foreach (var removed in beforeObjectives.Where(b => currentObjectives.All(o => o.Key != b.Key)))
        {
            objectives.Add(new PlanObjectiveChangeDto(null, removed.Title, PlanItemChange.Removed, Terms(removed), null));
        }

        var beforeTitles = beforeObjectives.ToDictionary(o => o.Key, o => o.Title);
        var currentTitles = currentObjectives.ToDictionary(o => o.Id, o => o.Title);
        var beforeInitiatives = baseline?.Initiatives ?? [];
        var currentInitiatives = plan.Initiatives.OrderBy(i => i.Position).ToList();
        var initiatives = new List<PlanInitiativeChangeDto>();
        PlanInitiativeTermsDto Before(BaselineInitiative b) => new(
            b.Title, b.OwnerId, b.Department, b.DueDate, b.ObjectiveKey is { } k && beforeTitles.TryGetValue(k, out var t) ? t : null,
            b.Budget is { } m ? new MoneyDto(m.Amount, m.Currency) : null, b.PersonDays);
        foreach (var i in currentInitiatives)
        {
            var after = new PlanInitiativeTermsDto(
                i.Title, i.OwnerId, i.Department, i.DueDate, i.ObjectiveId is { } oid && currentTitles.TryGetValue(oid, out var t) ? t : null,
                i.Budget is { } m ? new MoneyDto(m.Amount, m.Currency) : null, i.PersonDays);
            var match = beforeInitiatives.FirstOrDefault(b => b.Key == i.Key);
            var before = match is null ? null : Before(match);
            initiatives.Add(new PlanInitiativeChangeDto(i.Id, i.Title, Change(before, after), before, after));
        }

        foreach (var removed in beforeInitiatives.Where(b => currentInitiatives.All(i => i.Key != b.Key)))
        {
            initiatives.Add(new PlanInitiativeChangeDto(null, removed.Title, PlanItemChange.Removed, Before(removed), null));
        }

        return new PlanChangesDto(plan.PreviousVersionId, previous?.PlanVersion, fields, objectives, initiatives);
    }

    private static PlanObjectiveTermsDto Terms(BaselineObjective b) =>
        new(b.Title, b.Measure.Unit, b.Measure.Direction, b.Measure.Baseline, b.Measure.Target, b.Measure.Currency, b.Measure.Source, b.DueDate);

    private static PlanItemChange Change<T>(T? before, T after)
        where T : class =>
        before is null ? PlanItemChange.Added : before.Equals(after) ? PlanItemChange.Unchanged : PlanItemChange.Changed;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
