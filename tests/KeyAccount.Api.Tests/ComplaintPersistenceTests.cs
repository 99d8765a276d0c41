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
    public async Task BatchWriter_WritesWhatEfWould_AndSkipsAComplaintChangedMeanwhile()
    {
        var accountId = new AccountId(Guid.Parse(await CreateAccountAsync("director", "CMP-BATCH")));
        var received = DateTimeOffset.UtcNow.AddHours(-100);
        ComplaintId escalated, raced;
        UserId agent;
        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            agent = await db.Users.Select(u => u.Id).FirstAsync();
            Complaint New(string subject)
            {
                var c = Complaint.File(Complaint.FormatReference(received.Year, Random.Shared.NextInt64(1, 999_999)),
                    new ComplaintIntake(accountId, null, ComplaintChannel.Web, ComplaintCategory.Billing, Severity.High, subject, "d", null, received),
                    Tier.Key, SlaTargets.Create(TimeSpan.FromHours(6), TimeSpan.FromHours(54)), BusinessCalendar.TwentyFourSeven, agent, received);
                c.Acknowledge("On it", agent, received.AddHours(1));
                c.Assign(Department.Finance, agent, agent, received.AddHours(2));
                return c;
            }

            var a = New("Escalated by the batch");
            var b = New("Changed meanwhile");
            db.Complaints.AddRange(a, b);
            await db.SaveChangesAsync();
            (escalated, raced) = (a.Id, b.Id);
        }

        var now = DateTimeOffset.UtcNow;
        List<Complaint> batch;
        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            batch = await db.Complaints.AsNoTracking().Where(c => c.Id == escalated || c.Id == raced).ToListAsync();
            foreach (var complaint in batch)
            {
                Assert.That(complaint.Escalate(now).Select(s => s.Kind), Is.EqualTo(new[] { EscalationKind.AtRisk, EscalationKind.Level1 }));
            }
        }

        // Someone comments on the second complaint while the batch is in hand.
        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Complaints.SingleAsync(c => c.Id == raced)).Comment("Customer called", agent, now);
            await db.SaveChangesAsync();
        }

        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var writer = scope.ServiceProvider.GetRequiredService<Application.Common.Abstractions.IComplaintBatchWriter>();
            var written = await db.InTransactionAsync(ct => writer.SaveAsync(batch, ct), CancellationToken.None);
            Assert.That(written, Is.EquivalentTo(new[] { escalated }));
        }

        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == escalated);
            var inMemory = batch.Single(c => c.Id == escalated);
            // Every mapped column, read back through EF, is what the aggregate held.
            foreach (var property in db.Model.FindEntityType(typeof(Complaint))!.GetFlattenedProperties().Where(p => p.Name != nameof(Complaint.Version)))
            {
                var getter = property.GetGetter();
                var (expected, actual) = (getter.GetClrValueUsingContainingEntity(inMemory), getter.GetClrValueUsingContainingEntity(stored));
                if (expected is DateTimeOffset e && actual is DateTimeOffset a)
                {
                    Assert.That(a, Is.EqualTo(e).Within(TimeSpan.FromTicks(10)), property.Name);
                }
                else
                {
                    Assert.That(actual, Is.EqualTo(expected).Using<object>((x, y) => x is System.Collections.IEnumerable xs && y is System.Collections.IEnumerable ys ? xs.Cast<object>().SequenceEqual(ys.Cast<object>()) : Equals(x, y)), property.Name);
                }
            }

            Assert.That((stored.SlaState, stored.ResolutionClock.EscalationLevel, stored.LastTimelineSequence), Is.EqualTo((SlaState.Breached, 1, 5)));
            Assert.That(await db.ComplaintTimeline.Where(e => e.ComplaintId == escalated && e.Sequence > 3).Select(e => e.Kind).ToListAsync(),
                Is.EqualTo(new[] { TimelineKind.AtRisk, TimelineKind.Escalated }));
            Assert.That(await db.OutboxMessages.CountAsync(m => m.Type == "complaint.escalated"), Is.EqualTo(1));

            var other = await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == raced);
            Assert.That((other.ResolutionClock.EscalationLevel, other.LastTimelineSequence), Is.EqualTo((0, 4)), "changed meanwhile: not written, left for the next scan");
            Assert.That(await db.ComplaintTimeline.Where(e => e.ComplaintId == raced).Select(e => e.Kind).ToListAsync(),
                Is.EqualTo(new[] { TimelineKind.Filed, TimelineKind.Acknowledged, TimelineKind.Assigned, TimelineKind.Comment }));
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
