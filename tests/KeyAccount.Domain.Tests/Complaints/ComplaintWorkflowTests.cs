using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Tests.Complaints;

/// <summary>The workflow table is the one home of the state machine: the aggregate's steps and the allowed actions both follow it.</summary>
public class ComplaintWorkflowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly UserId Agent = new(Guid.NewGuid());
    private static readonly UserId Engineer = new(Guid.NewGuid());

    private static IEnumerable<TestCaseData> EveryStatusAndAction() =>
        from status in Enum.GetValues<ComplaintStatus>()
        from action in Enum.GetValues<ComplaintAction>()
        select new TestCaseData(status, action).SetName($"Step_From{status}_{action}_FollowsTheTable");

    /// <summary>A complaint brought to <paramref name="status"/> by the workflow's own steps, one hour apart.</summary>
    private static Complaint In(ComplaintStatus status)
    {
        var c = Complaint.File(
            "CMP-2026-000123",
            new ComplaintIntake(new AccountId(Guid.NewGuid()), null, ComplaintChannel.Phone, ComplaintCategory.Delivery, Severity.High, "Late delivery", "Three pallets missing", null, T0),
            Tier.Strategic,
            SlaTargets.Create(TimeSpan.FromHours(4), TimeSpan.FromHours(24)),
            BusinessCalendar.TwentyFourSeven,
            Agent,
            T0);
        ComplaintAction[] path = status switch
        {
            ComplaintStatus.New => [],
            ComplaintStatus.Acknowledged => [ComplaintAction.Acknowledge],
            ComplaintStatus.InProgress => [ComplaintAction.Acknowledge, ComplaintAction.Assign],
            ComplaintStatus.AwaitingCustomer => [ComplaintAction.Acknowledge, ComplaintAction.Assign, ComplaintAction.AwaitCustomer],
            ComplaintStatus.Resolved => [ComplaintAction.Acknowledge, ComplaintAction.Assign, ComplaintAction.Resolve],
            ComplaintStatus.Closed => [ComplaintAction.Acknowledge, ComplaintAction.Assign, ComplaintAction.Resolve, ComplaintAction.Close],
            ComplaintStatus.Reopened => [ComplaintAction.Acknowledge, ComplaintAction.Assign, ComplaintAction.Resolve, ComplaintAction.Reopen],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        for (var i = 0; i < path.Length; i++)
        {
            Take(c, path[i], T0.AddHours(i + 1));
        }

        Assert.That(c.Status, Is.EqualTo(status), "test setup");
        return c;
    }

    /// <summary>Calls the aggregate's method for <paramref name="action"/> with valid arguments.</summary>
    private static void Take(Complaint c, ComplaintAction action, DateTimeOffset at)
    {
        switch (action)
        {
            case ComplaintAction.Acknowledge: c.Acknowledge("We are on it", Agent, at); break;
            case ComplaintAction.Assign: c.Assign(Department.Logistics, Engineer, Agent, at); break;
            case ComplaintAction.AwaitCustomer: c.AwaitCustomer("Waiting for the goods-receipt note", Agent, at); break;
            case ComplaintAction.Resume: c.Resume(null, Agent, at); break;
            case ComplaintAction.Resolve: c.Resolve("Shipped the rest", RootCause.Logistics, "Two-person check at loading", Engineer, at); break;
            case ComplaintAction.Close: c.Close(null, Agent, at); break;
            case ComplaintAction.Reopen: c.Reopen("Still two pallets missing", Agent, at); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    [TestCaseSource(nameof(EveryStatusAndAction))]
    public void Step_FromEveryStatus_MovesWhereTheTableSaysOrBreaksTheTransitionRule(ComplaintStatus status, ComplaintAction action)
    {
        var c = In(status);
        var entries = c.NewTimelineEntries.Count;
        var at = T0.AddHours(10);
        if (ComplaintWorkflow.Target(status, action) is { } to)
        {
            Take(c, action, at);
            Assert.Multiple(() =>
            {
                Assert.That(c.Status, Is.EqualTo(to));
                Assert.That(c.NewTimelineEntries, Has.Count.EqualTo(entries + 1), "each step is one timeline entry");
                Assert.That(c.NewTimelineEntries[^1].Args.FromStatus, Is.EqualTo(status));
                Assert.That(c.NewTimelineEntries[^1].Args.ToStatus, Is.EqualTo(to));
            });
        }
        else
        {
            var rule = Assert.Throws<BusinessRuleViolationException>(() => Take(c, action, at))!.Rule;
            Assert.Multiple(() =>
            {
                Assert.That(rule, Is.InstanceOf<ComplaintTransitionMustBeAllowed>());
                Assert.That(rule.Code, Is.EqualTo("complaint-transition-not-allowed"));
                Assert.That(rule.Args["from"], Is.EqualTo(status.ToString()));
                Assert.That(rule.Args["action"], Is.EqualTo(action.ToString()));
                Assert.That(c.Status, Is.EqualTo(status), "a refused step changes nothing");
                Assert.That(c.NewTimelineEntries, Has.Count.EqualTo(entries));
            });
        }
    }

    [Test]
    public void AllowedActions_OfEveryStatus_AreExactlyTheStepsTheAggregateTakes([Values] ComplaintStatus status)
    {
        var taken = Enum.GetValues<ComplaintAction>().Where(action =>
        {
            try
            {
                Take(In(status), action, T0.AddHours(10));
                return true;
            }
            catch (BusinessRuleViolationException e) when (e.Rule is ComplaintTransitionMustBeAllowed)
            {
                return false;
            }
        });
        Assert.That(ComplaintWorkflow.AllowedActions(status), Is.EqualTo(taken));
    }

    [Test]
    public void AllowedActions_FollowTheDesign()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ComplaintWorkflow.AllowedActions(ComplaintStatus.New), Is.EqualTo(new[] { ComplaintAction.Acknowledge }));
            Assert.That(ComplaintWorkflow.AllowedActions(ComplaintStatus.Acknowledged), Is.EqualTo(new[] { ComplaintAction.Assign }));
            Assert.That(ComplaintWorkflow.AllowedActions(ComplaintStatus.InProgress), Is.EqualTo(new[] { ComplaintAction.Assign, ComplaintAction.AwaitCustomer, ComplaintAction.Resolve }));
            Assert.That(ComplaintWorkflow.AllowedActions(ComplaintStatus.AwaitingCustomer), Is.EqualTo(new[] { ComplaintAction.Resume }));
            Assert.That(ComplaintWorkflow.AllowedActions(ComplaintStatus.Resolved), Is.EqualTo(new[] { ComplaintAction.Close, ComplaintAction.Reopen }));
            Assert.That(ComplaintWorkflow.AllowedActions(ComplaintStatus.Closed), Is.EqualTo(new[] { ComplaintAction.Reopen }));
            Assert.That(ComplaintWorkflow.AllowedActions(ComplaintStatus.Reopened), Is.EqualTo(new[] { ComplaintAction.Assign }));
        });
    }

    [Test]
    public void Transitions_HaveOneTargetPerActionAndNoDuplicateRows()
    {
        var rows = ComplaintWorkflow.Transitions;
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(t => (t.From, t.Action)), Is.Unique);
            Assert.That(rows.GroupBy(t => t.Action).Select(g => g.Select(t => t.To).Distinct().Count()), Is.All.EqualTo(1));
            Assert.That(rows.Select(t => t.Action).Distinct(), Is.EquivalentTo(Enum.GetValues<ComplaintAction>()), "every action is reachable from somewhere");
        });
    }
}
