using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeyAccount.Api.Tests;

/// <summary>The complaint aggregate round-trips through PostgreSQL: clocks, calendar, pauses and the timeline.</summary>
public class ComplaintPersistenceTests : ApiTestBase
{
    [Test]
    public async Task SaveAndLoad_KeepsStatusClocksCalendarPausesAndTimeline()
    {
        var accountId = new AccountId(Guid.Parse(await CreateAccountAsync("director", "CMP-ACC")));
        var received = DateTimeOffset.UtcNow.AddHours(-30);
        var calendar = BusinessCalendar.Create("Asia/Shanghai",
            [.. Enum.GetValues<DayOfWeek>().Select(d => new WorkingHours(d, TimeOnly.MinValue, TimeOnly.MinValue))], [new DateOnly(2027, 1, 1)]);
        ComplaintId id;
        UserId agent;
        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            agent = await db.Users.Select(u => u.Id).FirstAsync();
            var number = await db.NextComplaintNumberAsync(CancellationToken.None);
            var complaint = Complaint.File(Complaint.FormatReference(received.Year, number),
                new ComplaintIntake(accountId, null, ComplaintChannel.Email, ComplaintCategory.ProductQuality, Severity.Critical, "Cracked housings", "12 of 400 cracked", "Replace the batch", received),
                Tier.Strategic, SlaTargets.Create(TimeSpan.FromHours(2), TimeSpan.FromHours(24)), calendar, agent, received);
            complaint.Acknowledge("Received, investigating", agent, received.AddHours(1));
            complaint.Assign(Department.Quality, agent, agent, received.AddHours(2));
            complaint.AwaitCustomer("Need photos", agent, received.AddHours(3));
            complaint.Resume(null, agent, received.AddHours(5));
            db.Complaints.Add(complaint);
            await db.SaveChangesAsync();
            id = complaint.Id;
        }

        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var loaded = await db.Complaints.SingleAsync(c => c.Id == id);
            Assert.Multiple(() =>
            {
                Assert.That(loaded.Reference, Does.Match(@"^CMP-\d{4}-\d{6}$"));
                Assert.That(loaded.Status, Is.EqualTo(ComplaintStatus.InProgress));
                Assert.That(loaded.Calendar.TimeZoneId, Is.EqualTo("Asia/Shanghai"));
                Assert.That(loaded.Calendar.Holidays, Does.Contain(new DateOnly(2027, 1, 1)));
                Assert.That(loaded.Pauses, Has.Count.EqualTo(1));
                Assert.That(loaded.ResolutionClock.DueAt, Is.EqualTo(received.AddHours(26)).Within(TimeSpan.FromMilliseconds(1)));
                Assert.That(loaded.DueAt, Is.EqualTo(loaded.ResolutionClock.DueAt));
                Assert.That((loaded.IsStopped, loaded.LastTimelineSequence, loaded.NewTimelineEntries.Count), Is.EqualTo((false, 5, 0)));
                Assert.That(loaded.NextEscalationAt, Is.Not.Null);
            });
            Assert.That(await db.ComplaintTimeline.Where(e => e.ComplaintId == id).OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync(),
                Is.EqualTo(new[] { TimelineKind.Filed, TimelineKind.Acknowledged, TimelineKind.Assigned, TimelineKind.AwaitingCustomer, TimelineKind.Resumed }));

            // Escalation appends to the timeline without loading it: the new entries are numbered on from the stored sequence.
            Assert.That(loaded.Escalate(DateTimeOffset.UtcNow).Select(s => s.Kind), Is.EqualTo(new[] { EscalationKind.AtRisk, EscalationKind.Level1 }));
            await db.SaveChangesAsync();
        }

        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var loaded = await db.Complaints.SingleAsync(c => c.Id == id);
            var timeline = await db.ComplaintTimeline.Where(e => e.ComplaintId == id).OrderBy(e => e.Sequence).ToListAsync();
            Assert.Multiple(() =>
            {
                Assert.That((loaded.ResolutionClock.EscalationLevel, loaded.ResolutionClock.AtRisk, loaded.ResolutionClock.Breached, loaded.SlaState),
                    Is.EqualTo((1, true, true, SlaState.Breached)));
                Assert.That(loaded.FirstResponseClock, Is.EqualTo(new SlaClockState()), "answered within 80 % of its target");
                Assert.That(timeline.Skip(5).Select(e => (e.Sequence, e.Kind, e.Args.Clock, e.Args.Level)), Is.EqualTo(new[]
                {
                    (6, TimelineKind.AtRisk, (SlaClockKind?)SlaClockKind.Resolution, (int?)null), (7, TimelineKind.Escalated, SlaClockKind.Resolution, 1),
                }));
                Assert.That(loaded.LastTimelineSequence, Is.EqualTo(7));
                Assert.That(timeline[2].Args, Is.EqualTo(new TimelineArgs { FromStatus = ComplaintStatus.Acknowledged, ToStatus = ComplaintStatus.InProgress, AssigneeId = agent, Department = Department.Quality }));
            });
        }
    }

    [Test]
    public async Task NextComplaintNumber_UnderConcurrency_NeverRepeats()
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AppDbContext>().NextComplaintNumberAsync(CancellationToken.None);
        }));
        Assert.That(numbers.Distinct().Count(), Is.EqualTo(40));
    }
}
