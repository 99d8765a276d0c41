using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.DevelopmentPlans;

/// <summary>
/// A customer development plan (客户发展计划, design §1.3): one account's 1–3 year plan — value proposition, strategic
/// priorities, SWOT, objectives with measures, initiatives, milestones and key stakeholders — moved by
/// <see cref="PlanWorkflow"/>'s table.
/// <para>
/// Versions: a plan's content is edited only as a draft. Approval freezes its <see cref="Baseline"/>; a change after that
/// is a new version (<see cref="Revise"/>: a draft copy with <see cref="PlanVersion"/> + 1) that needs approval again and,
/// once approved, supersedes this one. Objectives and initiatives keep their <c>Key</c> across versions.
/// </para>
/// <para>
/// The aggregate is the one home of the figures readers filter and sort on: each objective's progress, the plan's
/// progress (<see cref="PlanProgress"/>), the count of done initiatives, the earliest due date of an open initiative
/// (overdue means it has passed) and the next review's due date. Every change recomputes them and they are stored as
/// plain columns.
/// </para>
/// </summary>
public sealed class DevelopmentPlan : AggregateRoot
{
    /// <summary>Reviews come quarterly unless the plan says otherwise.</summary>
    public const int DefaultReviewCadenceMonths = 3;

    private readonly List<PlanObjective> _objectives = [];
    private readonly List<PlanInitiative> _initiatives = [];
    private readonly List<PlanHistoryEntry> _newHistory = [];

    private DevelopmentPlan()
    {
    }

    public DevelopmentPlanId Id { get; private set; }

    public AccountId AccountId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    /// <summary>The account manager who leads the plan.</summary>
    public UserId OwnerId { get; private set; }

    /// <summary>Who wrote this version (four eyes: never its approver); null when an API client created it.</summary>
    public UserId? AuthorId { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    public string ValueProposition { get; private set; } = string.Empty;

    public IReadOnlyList<string> StrategicPriorities { get; private set; } = [];

    public PlanStatus Status { get; private set; }

    /// <summary>1 for the first version, + 1 for each revision.</summary>
    public int PlanVersion { get; private set; }

    /// <summary>The version this one revises; null for the first.</summary>
    public DevelopmentPlanId? PreviousVersionId { get; private set; }

    public int ReviewCadenceMonths { get; private set; }

    /// <summary>When the next review is due: set on activation and moved by each review; null unless Active.</summary>
    public DateOnly? NextReviewDue { get; private set; }

    public DateOnly? LastReviewedOn { get; private set; }

    /// <summary>Mean progress of the objectives, 0–100 (<see cref="PlanProgress.OfPlan"/>); null without objectives.</summary>
    public decimal? Progress { get; private set; }

    public int InitiativesTotal { get; private set; }

    public int InitiativesDone { get; private set; }

    /// <summary>The earliest due date of an initiative that is not done: the plan has an overdue initiative once it is before today.</summary>
    public DateOnly? EarliestOpenDueDate { get; private set; }

    public IReadOnlyList<Milestone> Milestones { get; private set; } = [];

    public IReadOnlyList<Stakeholder> Stakeholders { get; private set; } = [];

    public IReadOnlyList<SwotItem> Swot { get; private set; } = [];

    public UserId? SubmittedBy { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The baseline the Director approved (frozen); null until approved.</summary>
    public PlanBaseline? Baseline { get; private set; }

    public string? RejectionComment { get; private set; }

    public UserId? RejectedBy { get; private set; }

    public DateTimeOffset? RejectedAt { get; private set; }

    public string? CancellationReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<PlanObjective> Objectives => _objectives;

    public IReadOnlyList<PlanInitiative> Initiatives => _initiatives;

    /// <summary>The actions <see cref="PlanWorkflow"/> allows now.</summary>
    public IReadOnlyList<PlanAction> AllowedActions => PlanWorkflow.AllowedActions(Status);

    /// <summary>History lines recorded since the plan was loaded or last saved (persistence appends them; the plan never loads its history).</summary>
    public IReadOnlyList<PlanHistoryEntry> NewHistory => _newHistory;

    /// <summary>Called by persistence once <see cref="NewHistory"/> is handed to the store.</summary>
    public void ClearNewHistory() => _newHistory.Clear();

    /// <summary>
    /// Whether a new version may be made of this one now (<see cref="Revise"/>'s own rules): it is in force (Approved or
    /// Active) and not revised yet — <paramref name="revisionId"/> is the version that revises it, if one exists (the
    /// caller reads it; a version has one successor).
    /// </summary>
    public bool MayBeRevised(DevelopmentPlanId? revisionId) => RevisionRules(revisionId).All(r => !r.IsBroken());

    /// <summary>A new plan, as a draft, with its whole content (<paramref name="author"/> null for an API client).</summary>
    public static DevelopmentPlan Draft(AccountId accountId, PlanContent content, UserId? author, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        var plan = new DevelopmentPlan
        {
            Id = DevelopmentPlanId.New(),
            AccountId = accountId,
            AuthorId = author,
            Status = PlanStatus.Draft,
            PlanVersion = 1,
            CreatedAt = now,
        };
        plan.Apply(content, today, now);
        return plan;
    }

    /// <summary>Replaces the draft's content (the editor's save). Items sent with an id keep their identity; the rest are new; items left out are removed.</summary>
    public void Edit(PlanContent content, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        CheckRule(new PlanMustBeEditable(Status));
        Apply(content, today, now);
    }

    /// <summary>Draft → Submitted: needs an objective and an initiative; the content is frozen while it waits.</summary>
    public void Submit(UserId by, DateTimeOffset now)
    {
        CheckRule(new PlanTransitionMustBeAllowed(Status, PlanAction.Submit));
        CheckRule(new SubmittedPlanNeedsObjectivesAndInitiatives(_objectives.Count, _initiatives.Count));
        Move(PlanAction.Submit, by, now, null);
        SubmittedBy = by;
        SubmittedAt = now;
        Raise(new DevelopmentPlanSubmitted(Id, AccountId, PlanVersion, by, now));
    }

    /// <summary>
    /// Submitted → Approved by a Director who neither wrote nor submitted it (four eyes), when no other plan of the
    /// account is in force for an overlapping period (<paramref name="overlappingPlanInForce"/>, other than
    /// <paramref name="previous"/>, which this version supersedes). Freezes the baseline; the Director's optional
    /// <paramref name="comment"/> is kept in the history.
    /// </summary>
    public void Approve(UserId by, DevelopmentPlan? previous, DevelopmentPlanId? overlappingPlanInForce, DateTimeOffset now, string? comment = null)
    {
        CheckRule(new PlanTransitionMustBeAllowed(Status, PlanAction.Approve));
        CheckRule(new PlanIsNotApprovedByItsAuthor(AuthorId, SubmittedBy, by));
        CheckRule(new PlanPeriodMustNotOverlapAPlanInForce(overlappingPlanInForce));
        if (previous is not null && (previous.Id != PreviousVersionId || previous.AccountId != AccountId))
        {
            throw new ArgumentException("Only the version this one revises is superseded by its approval.", nameof(previous));
        }

        Move(PlanAction.Approve, by, now, comment);
        Baseline = new PlanBaseline(
            PlanVersion,
            now,
            by,
            StartDate,
            EndDate,
            ValueProposition,
            StrategicPriorities,
            [.. _objectives.Select(o => new BaselineObjective(o.Key, o.Title, o.Measure, o.DueDate))],
            [.. _initiatives.Select(i => new BaselineInitiative(i.Key, i.Title, i.OwnerId, i.Department, i.DueDate, KeyOf(i.ObjectiveId), i.Budget, i.PersonDays))]);
        DevelopmentPlanId? superseded = null;
        if (previous is not null && PlanWorkflow.IsInForce(previous.Status))
        {
            previous.Record(PlanHistoryKind.Superseded, by, now, new PlanHistoryArgs { FromStatus = previous.Status, ToStatus = PlanStatus.Superseded, RelatedPlanId = Id, RelatedPlanVersion = PlanVersion }, null);
            previous.Status = PlanStatus.Superseded;
            previous.NextReviewDue = null;
            previous.UpdatedAt = now;
            superseded = previous.Id;
        }

        Raise(new DevelopmentPlanApproved(Id, AccountId, PlanVersion, superseded, by, now));
    }

    /// <summary>Submitted → Draft, with the Director's comment for the author.</summary>
    public void Reject(string comment, UserId by, DateTimeOffset now)
    {
        CheckRule(new TextIsRequired(comment, "comment"));
        CheckRule(new PlanTransitionMustBeAllowed(Status, PlanAction.Reject));
        Move(PlanAction.Reject, by, now, comment);
        RejectionComment = comment.Trim();
        RejectedBy = by;
        RejectedAt = now;
        Raise(new DevelopmentPlanRejected(Id, AccountId, PlanVersion, by, now));
    }

    /// <summary>Approved → Active: the plan is carried out, and its first review falls due a cadence from today.</summary>
    public void Activate(UserId by, DateOnly today, DateTimeOffset now)
    {
        CheckRule(new PlanTransitionMustBeAllowed(Status, PlanAction.Activate));
        Move(PlanAction.Activate, by, now, null);
        NextReviewDue = (today > StartDate ? today : StartDate).AddMonths(ReviewCadenceMonths);
        Raise(new DevelopmentPlanActivated(Id, AccountId, PlanVersion, NextReviewDue, by, now));
    }

    /// <summary>Active → Completed.</summary>
    public void Complete(UserId by, DateTimeOffset now)
    {
        CheckRule(new PlanTransitionMustBeAllowed(Status, PlanAction.Complete));
        Move(PlanAction.Complete, by, now, null);
        NextReviewDue = null;
        Raise(new DevelopmentPlanCompleted(Id, AccountId, PlanVersion, Progress, by, now));
    }

    /// <summary>Approved or Active → Cancelled, with a reason.</summary>
    public void Cancel(string reason, UserId by, DateTimeOffset now)
    {
        CheckRule(new TextIsRequired(reason, "reason"));
        CheckRule(new PlanTransitionMustBeAllowed(Status, PlanAction.Cancel));
        Move(PlanAction.Cancel, by, now, reason);
        CancellationReason = reason.Trim();
        NextReviewDue = null;
        Raise(new DevelopmentPlanCancelled(Id, AccountId, PlanVersion, by, now));
    }

    /// <summary>
    /// A new version of a plan in force: a draft copy of its content and progress (<see cref="PlanVersion"/> + 1), written
    /// by <paramref name="author"/>. This version stays in force until the new one is approved. Refused unless
    /// <see cref="MayBeRevised"/>: <paramref name="existingRevision"/> is the version that already revises this one, if any.
    /// </summary>
    public DevelopmentPlan Revise(UserId? author, DevelopmentPlanId? existingRevision, DateTimeOffset now)
    {
        foreach (var rule in RevisionRules(existingRevision))
        {
            CheckRule(rule);
        }

        var next = new DevelopmentPlan
        {
            Id = DevelopmentPlanId.New(),
            AccountId = AccountId,
            Title = Title,
            OwnerId = OwnerId,
            AuthorId = author,
            StartDate = StartDate,
            EndDate = EndDate,
            ValueProposition = ValueProposition,
            StrategicPriorities = StrategicPriorities,
            Status = PlanStatus.Draft,
            PlanVersion = PlanVersion + 1,
            PreviousVersionId = Id,
            ReviewCadenceMonths = ReviewCadenceMonths,
            Milestones = Milestones,
            Stakeholders = Stakeholders,
            Swot = Swot,
            CreatedAt = now,
        };
        var objectiveIds = new Dictionary<PlanObjectiveId, PlanObjectiveId>();
        foreach (var objective in _objectives)
        {
            var copy = objective.CopyTo(next.Id);
            objectiveIds[objective.Id] = copy.Id;
            next._objectives.Add(copy);
        }

        foreach (var initiative in _initiatives)
        {
            next._initiatives.Add(initiative.CopyTo(next.Id, initiative.ObjectiveId is { } o ? objectiveIds[o] : null));
        }

        next.Recompute(now);
        Record(PlanHistoryKind.Revised, author, now, new PlanHistoryArgs { RelatedPlanId = next.Id, RelatedPlanVersion = next.PlanVersion }, null);
        return next;
    }

    /// <summary>
    /// Moves one initiative (the team's progress; allowed while the plan is worked on, not while it waits for approval),
    /// recorded in the history with <paramref name="by"/>'s optional <paramref name="note"/>.
    /// </summary>
    public void SetInitiativeStatus(PlanInitiativeId initiativeId, InitiativeStatus status, UserId? by, string? note, DateOnly today, DateTimeOffset now)
    {
        CheckRule(new PlanMustTrackProgress(Status));
        var initiative = _initiatives.Find(i => i.Id == initiativeId) ?? throw new EntityNotFoundException("initiative", initiativeId.Value);
        Record(PlanHistoryKind.InitiativeStatusChanged, by, now, new PlanHistoryArgs { InitiativeKey = initiative.Key, InitiativeTitle = initiative.Title, InitiativeFrom = initiative.Status, InitiativeTo = status }, note);
        initiative.SetStatus(status, today);
        Recompute(now);
    }

    /// <summary>Records a manual measure's actual value (a metric's is computed: <see cref="ApplyMetrics"/>).</summary>
    public void RecordActual(PlanObjectiveId objectiveId, decimal value, DateTimeOffset now)
    {
        CheckRule(new PlanMustTrackProgress(Status));
        var objective = _objectives.Find(o => o.Id == objectiveId) ?? throw new EntityNotFoundException("objective", objectiveId.Value);
        CheckRule(new ComputedMeasureTakesNoTypedActual(objective.Measure, typed: true, "value"));
        objective.SetActual(value, now);
        Recompute(now);
    }

    /// <summary>
    /// Measures every metric-bound objective with the account's <paramref name="figures"/> (what the metric refresh does
    /// set-based for all plans, and a save does for its own plan, so a new metric measure shows its actual at once).
    /// Manual objectives keep their typed-in actuals. The plan changes (and its ETag moves) only when an actual or a
    /// stored progress differs from what the figures give.
    /// </summary>
    public void ApplyMetrics(AccountFigures figures, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var changed = false;
        foreach (var objective in _objectives.Where(o => o.Measure.IsComputed))
        {
            var value = figures.Of(objective.Measure.Source);
            if (value != objective.Actual || objective.Progress != PlanProgress.OfObjective(objective.Measure, value))
            {
                objective.SetActual(value, now);
                changed = true;
            }
        }

        if (changed)
        {
            Recompute(now);
        }
    }

    /// <summary>
    /// Records a review of the active plan held on <paramref name="heldOn"/>: each objective's progress against the
    /// progress expected by then, with the variance comments given by objective, and the decisions taken. The next
    /// review falls due a cadence after this one.
    /// </summary>
    public PlanReview RecordReview(DateOnly heldOn, UserId by, string decisions, IReadOnlyDictionary<PlanObjectiveId, string> comments, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(comments);
        CheckRule(new PlanMustBeActive(Status));
        CheckRule(new ReviewIsNotInTheFuture(heldOn, today));
        CheckRule(new TextIsRequired(decisions, "decisions"));
        foreach (var (id, _) in comments)
        {
            CheckRule(new PlanItemMustBelongToThePlan(_objectives.Exists(o => o.Id == id), "objectives"));
        }

        var lines = _objectives
            .Select(o => new ReviewedObjective(o.Id, o.Title, o.Actual, o.Progress, PlanProgress.Expected(StartDate, o.DueDate, heldOn),
                comments.TryGetValue(o.Id, out var c) && !string.IsNullOrWhiteSpace(c) ? c.Trim() : null))
            .ToList();
        var review = new PlanReview(Id, PlanVersion, heldOn, by, Progress, lines, decisions.Trim(), now);
        LastReviewedOn = heldOn;
        NextReviewDue = heldOn.AddMonths(ReviewCadenceMonths);
        UpdatedAt = now;
        return review;
    }

    /// <summary>Records that the overdue reminder for an initiative went out today, and raises its event (the weekly job).</summary>
    public void NotifyOverdue(PlanInitiativeId initiativeId, DateOnly today, DateTimeOffset now)
    {
        var initiative = _initiatives.Find(i => i.Id == initiativeId) ?? throw new EntityNotFoundException("initiative", initiativeId.Value);
        initiative.MarkOverdueNotified(today);
        Raise(new DevelopmentPlanInitiativeOverdue(Id, AccountId, initiative.Id, initiative.Title, initiative.OwnerId, initiative.DueDate, now));
    }

    private Guid? KeyOf(PlanObjectiveId? objectiveId) => objectiveId is { } id ? _objectives.Find(o => o.Id == id)?.Key : null;

    private IEnumerable<IBusinessRule> RevisionRules(DevelopmentPlanId? existingRevision) =>
        [new PlanMustBeInForce(Status), new PlanIsRevisedOnce(existingRevision)];

    /// <summary>Takes a step of the workflow table and records it (with the words given with it) in the history.</summary>
    private void Move(PlanAction action, UserId by, DateTimeOffset now, string? comment)
    {
        var from = Status;
        Status = PlanWorkflow.Target(Status, action)!.Value;
        UpdatedAt = now;
        Record(PlanHistoryKind.StatusChanged, by, now, new PlanHistoryArgs { Action = action, FromStatus = from, ToStatus = Status }, comment);
    }

    private void Record(PlanHistoryKind kind, UserId? by, DateTimeOffset at, PlanHistoryArgs args, string? comment) =>
        _newHistory.Add(new PlanHistoryEntry(Id, kind, by, at, args, comment));

    private void Apply(PlanContent content, DateOnly today, DateTimeOffset now)
    {
        CheckRule(new TextIsRequired(content.Title, "title"));
        CheckRule(new TextIsRequired(content.ValueProposition, "valueProposition"));
        CheckRule(new PlanPeriodMustSpanOneToThreeYears(content.StartDate, content.EndDate));
        CheckRule(new ReviewCadenceMustBeOneToTwelveMonths(content.ReviewCadenceMonths));

        // Check every item before changing anything: a refused save leaves the plan as it was.
        for (var i = 0; i < content.Objectives.Count; i++)
        {
            var o = content.Objectives[i];
            var field = $"objectives[{i}]";
            CheckRule(new TextIsRequired(o.Title, field + ".title"));
            foreach (var rule in o.Measure.Rules(field))
            {
                CheckRule(rule);
            }

            CheckRule(new ComputedMeasureTakesNoTypedActual(o.Measure, o.Actual is not null, field + ".actual"));
            CheckRule(new DateMustLieWithinThePlan(o.DueDate, content.StartDate, content.EndDate, field + ".dueDate"));
            CheckRule(new PlanItemMustBelongToThePlan(o.Id is not { } id || _objectives.Exists(x => x.Id == id), field + ".id"));
            CheckRule(new PlanItemMustAppearOnce(o.Id is { } oid && content.Objectives.Take(i).Any(p => p.Id == oid), field + ".id"));
        }

        for (var i = 0; i < content.Initiatives.Count; i++)
        {
            var x = content.Initiatives[i];
            var field = $"initiatives[{i}]";
            CheckRule(new TextIsRequired(x.Title, field + ".title"));
            CheckRule(new DateMustLieWithinThePlan(x.DueDate, content.StartDate, content.EndDate, field + ".dueDate"));
            CheckRule(new InitiativeObjectiveMustExist(x.ObjectiveIndex, content.Objectives.Count, field + ".objectiveIndex"));
            CheckRule(new PlanItemMustBelongToThePlan(x.Id is not { } id || _initiatives.Exists(y => y.Id == id), field + ".id"));
            CheckRule(new PlanItemMustAppearOnce(x.Id is { } xid && content.Initiatives.Take(i).Any(p => p.Id == xid), field + ".id"));
        }

        for (var i = 0; i < content.Milestones.Count; i++)
        {
            CheckRule(new TextIsRequired(content.Milestones[i].Title, $"milestones[{i}].title"));
            CheckRule(new DateMustLieWithinThePlan(content.Milestones[i].DueDate, content.StartDate, content.EndDate, $"milestones[{i}].dueDate"));
        }

        for (var i = 0; i < content.Swot.Count; i++)
        {
            CheckRule(new TextIsRequired(content.Swot[i].Text, $"swot[{i}].text"));
        }

        Title = content.Title.Trim();
        OwnerId = content.OwnerId;
        StartDate = content.StartDate;
        EndDate = content.EndDate;
        ValueProposition = content.ValueProposition.Trim();
        StrategicPriorities = [.. content.StrategicPriorities.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim())];
        ReviewCadenceMonths = content.ReviewCadenceMonths;
        Milestones = [.. content.Milestones.Select(m => m with { Title = m.Title.Trim() })];
        Stakeholders = [.. content.Stakeholders.DistinctBy(s => s.ContactId).Select(s => s with { Note = string.IsNullOrWhiteSpace(s.Note) ? null : s.Note.Trim() })];
        Swot = [.. content.Swot.Select(s => s with { Text = s.Text.Trim() })];

        var objectives = new List<PlanObjective>(content.Objectives.Count);
        for (var i = 0; i < content.Objectives.Count; i++)
        {
            var input = content.Objectives[i];
            var objective = input.Id is { } id ? _objectives.Find(o => o.Id == id)! : new PlanObjective(Id, Guid.CreateVersion7(), i, input.Title.Trim(), input.Measure, input.DueDate);
            objective.Redefine(i, input.Title.Trim(), input.Measure, input.DueDate);
            if (!input.Measure.IsComputed)
            {
                objective.SetActual(input.Actual, input.Actual == objective.Actual ? objective.ActualAt ?? now : now);
            }

            objectives.Add(objective);
        }

        var initiatives = new List<PlanInitiative>(content.Initiatives.Count);
        for (var i = 0; i < content.Initiatives.Count; i++)
        {
            var input = content.Initiatives[i];
            var objectiveId = input.ObjectiveIndex is { } index ? objectives[index].Id : (PlanObjectiveId?)null;
            if (input.Id is { } id)
            {
                var initiative = _initiatives.Find(x => x.Id == id)!;
                initiative.Apply(input, i, objectiveId, today);
                initiatives.Add(initiative);
            }
            else
            {
                initiatives.Add(new PlanInitiative(Id, Guid.CreateVersion7(), input, i, objectiveId, today));
            }
        }

        _objectives.Clear();
        _objectives.AddRange(objectives);
        _initiatives.Clear();
        _initiatives.AddRange(initiatives);
        Recompute(now);
    }

    /// <summary>Recomputes the stored figures readers filter and sort on, after every change.</summary>
    private void Recompute(DateTimeOffset now)
    {
        Progress = PlanProgress.OfPlan([.. _objectives.Select(o => o.Progress)]);
        InitiativesTotal = _initiatives.Count;
        InitiativesDone = _initiatives.Count(i => i.Status == InitiativeStatus.Done);
        EarliestOpenDueDate = _initiatives.Where(i => i.Status != InitiativeStatus.Done).Select(i => (DateOnly?)i.DueDate).Min();
        UpdatedAt = now;
    }
}
