using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Tests.DevelopmentPlans;

/// <summary>The plan aggregate at its edges: the workflow table, the 1–3 year period, measures, four eyes, the baseline and versions.</summary>
public class DevelopmentPlanTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly DateOnly Start = new(2027, 1, 1);
    private static readonly UserId Manager = new(Guid.NewGuid());
    private static readonly UserId Director = new(Guid.NewGuid());
    private static readonly UserId OtherDirector = new(Guid.NewGuid());
    private static readonly AccountId Account = new(Guid.NewGuid());

    private static Measure Revenue(decimal baseline = 1_000_000m, decimal target = 1_500_000m) =>
        new(MeasureUnit.Currency, MeasureDirection.HigherIsBetter, baseline, target, "CNY", MeasureSource.Manual);

    private static PlanContent Content(
        DateOnly? end = null,
        IReadOnlyList<ObjectiveInput>? objectives = null,
        IReadOnlyList<InitiativeInput>? initiatives = null,
        IReadOnlyList<Milestone>? milestones = null) => new(
        "华东制造 2027–2028 客户发展计划",
        Manager,
        Start,
        end ?? new DateOnly(2028, 12, 31),
        "以本地化服务和联合研发锁定其华东扩产项目",
        ["扩大份额", "进入研发环节"],
        DevelopmentPlan.DefaultReviewCadenceMonths,
        objectives ?? [new ObjectiveInput(null, "年销售额提升 50%", Revenue(), new DateOnly(2028, 12, 31), null)],
        initiatives ?? [new InitiativeInput(null, "季度高层拜访", Manager, Department.Sales, new DateOnly(2027, 6, 30), InitiativeStatus.NotStarted, 0, new Money(50_000m, "CNY"), 12.5m)],
        milestones ?? [],
        [],
        []);

    private static DevelopmentPlan Draft(PlanContent? content = null) => DevelopmentPlan.Draft(Account, content ?? Content(), Manager, Today, T0);

    /// <summary>A plan brought to <paramref name="status"/> by the workflow's own steps.</summary>
    private static DevelopmentPlan In(PlanStatus status)
    {
        var plan = Draft();
        PlanAction[] path = status switch
        {
            PlanStatus.Draft => [],
            PlanStatus.Submitted => [PlanAction.Submit],
            PlanStatus.Approved => [PlanAction.Submit, PlanAction.Approve],
            PlanStatus.Active => [PlanAction.Submit, PlanAction.Approve, PlanAction.Activate],
            PlanStatus.Completed => [PlanAction.Submit, PlanAction.Approve, PlanAction.Activate, PlanAction.Complete],
            PlanStatus.Cancelled => [PlanAction.Submit, PlanAction.Approve, PlanAction.Cancel],
            PlanStatus.Superseded => [PlanAction.Submit, PlanAction.Approve],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var action in path)
        {
            Take(plan, action);
        }

        if (status == PlanStatus.Superseded)
        {
            var next = plan.Revise(Manager, null, T0);
            next.Submit(Manager, T0);
            next.Approve(Director, plan, null, T0);
        }

        Assert.That(plan.Status, Is.EqualTo(status), "test setup");
        return plan;
    }

    private static void Take(DevelopmentPlan plan, PlanAction action)
    {
        switch (action)
        {
            case PlanAction.Submit: plan.Submit(Manager, T0); break;
            case PlanAction.Approve: plan.Approve(Director, null, null, T0); break;
            case PlanAction.Reject: plan.Reject("目标过于保守", Director, T0); break;
            case PlanAction.Activate: plan.Activate(Manager, Today, T0); break;
            case PlanAction.Complete: plan.Complete(Manager, T0); break;
            case PlanAction.Cancel: plan.Cancel("客户被收购", Director, T0); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    private static string CodeOf(TestDelegate step)
    {
        var e = Assert.Throws<BusinessRuleViolationException>(step)!;
        return e.Rule.Code;
    }

    private static string? FieldOf(TestDelegate step) => Assert.Throws<BusinessRuleViolationException>(step)!.Rule.Field;

    private static IEnumerable<TestCaseData> EveryStatusAndAction() =>
        from status in Enum.GetValues<PlanStatus>()
        from action in Enum.GetValues<PlanAction>()
        select new TestCaseData(status, action).SetName($"Step_From{status}_{action}_FollowsTheTable");

    [TestCaseSource(nameof(EveryStatusAndAction))]
    public void Step_FromEachStatus_FollowsTheTable(PlanStatus status, PlanAction action)
    {
        var plan = In(status);
        if (PlanWorkflow.Target(status, action) is { } to)
        {
            Take(plan, action);
            Assert.That(plan.Status, Is.EqualTo(to));
        }
        else
        {
            Assert.That(CodeOf(() => Take(plan, action)), Is.EqualTo("plan-transition-not-allowed"));
            Assert.That(plan.Status, Is.EqualTo(status), "a refused step changes nothing");
        }
    }

    [Test]
    public void AllowedActions_AreReadFromTheTable()
    {
        Assert.Multiple(() =>
        {
            Assert.That(In(PlanStatus.Draft).AllowedActions, Is.EqualTo(new[] { PlanAction.Submit }));
            Assert.That(In(PlanStatus.Submitted).AllowedActions, Is.EqualTo(new[] { PlanAction.Approve, PlanAction.Reject }));
            Assert.That(In(PlanStatus.Approved).AllowedActions, Is.EqualTo(new[] { PlanAction.Activate, PlanAction.Cancel }));
            Assert.That(In(PlanStatus.Active).AllowedActions, Is.EqualTo(new[] { PlanAction.Complete, PlanAction.Cancel }));
            Assert.That(In(PlanStatus.Completed).AllowedActions, Is.Empty);
            Assert.That(In(PlanStatus.Superseded).AllowedActions, Is.Empty);
        });
    }

    [TestCase(2027, 12, 31, false, TestName = "Period_OfExactlyOneYear_IsAccepted")]
    [TestCase(2027, 12, 30, true, TestName = "Period_OneDayShortOfAYear_IsRefusedOnEndDate")]
    [TestCase(2029, 12, 31, false, TestName = "Period_OfExactlyThreeYears_IsAccepted")]
    [TestCase(2030, 1, 1, true, TestName = "Period_OneDayOverThreeYears_IsRefusedOnEndDate")]
    public void Period_IsOneToThreeYears(int y, int m, int d, bool refused)
    {
        var end = new DateOnly(y, m, d);
        var content = Content(end: end, objectives: [new ObjectiveInput(null, "目标", Revenue(), new DateOnly(2027, 6, 30), null)]);
        if (refused)
        {
            Assert.That(FieldOf(() => Draft(content)), Is.EqualTo("endDate"));
        }
        else
        {
            Assert.That(Draft(content).EndDate, Is.EqualTo(end));
        }
    }

    [Test]
    public void Period_StartingOnLeapDay_EndsAYearLaterLessADay()
    {
        Assert.That(PlanPeriodMustSpanOneToThreeYears.EarliestEnd(new DateOnly(2028, 2, 29)), Is.EqualTo(new DateOnly(2029, 2, 27)));
    }

    [Test]
    public void Measure_WithTargetEqualToBaseline_IsRefusedOnTheTarget()
    {
        var content = Content(objectives: [new ObjectiveInput(null, "目标", Revenue(100m, 100m), new DateOnly(2028, 1, 1), null)]);
        var e = Assert.Throws<BusinessRuleViolationException>(() => Draft(content))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Rule.Code, Is.EqualTo("measure-target-equals-baseline"));
            Assert.That(e.Rule.Field, Is.EqualTo("objectives[0].target"));
        });
    }

    [Test]
    public void Measure_HigherIsBetterWithTargetBelowBaseline_IsRefused()
    {
        var content = Content(objectives: [new ObjectiveInput(null, "目标", Revenue(100m, 90m), new DateOnly(2028, 1, 1), null)]);
        Assert.That(CodeOf(() => Draft(content)), Is.EqualTo("measure-target-wrong-direction"));
    }

    [Test]
    public void Measure_MetricSourceInTheWrongUnit_IsRefusedOnTheUnit()
    {
        var measure = new Measure(MeasureUnit.Number, MeasureDirection.HigherIsBetter, 30m, 40m, null, MeasureSource.GrossMarginPercent);
        var content = Content(objectives: [new ObjectiveInput(null, "毛利率", measure, new DateOnly(2028, 1, 1), null)]);
        Assert.That(FieldOf(() => Draft(content)), Is.EqualTo("objectives[0].unit"));
    }

    [Test]
    public void Measure_InCurrencyWithoutACurrency_IsRefusedOnTheCurrency()
    {
        var measure = new Measure(MeasureUnit.Currency, MeasureDirection.HigherIsBetter, 1m, 2m, null, MeasureSource.Manual);
        var content = Content(objectives: [new ObjectiveInput(null, "销售额", measure, new DateOnly(2028, 1, 1), null)]);
        Assert.That(FieldOf(() => Draft(content)), Is.EqualTo("objectives[0].currency"));
    }

    [Test]
    public void Measure_FromAMetricWithATypedInActual_IsRefusedOnTheActual()
    {
        var measure = new Measure(MeasureUnit.Percent, MeasureDirection.HigherIsBetter, 90m, 98m, null, MeasureSource.ComplaintSlaCompliance);
        var content = Content(objectives: [new ObjectiveInput(null, "投诉 SLA 达成率", measure, new DateOnly(2028, 1, 1), 95m)]);
        var e = Assert.Throws<BusinessRuleViolationException>(() => Draft(content))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Rule.Code, Is.EqualTo("measure-actual-computed"));
            Assert.That(e.Rule.Field, Is.EqualTo("objectives[0].actual"));
        });
    }

    [Test]
    public void RecordActual_OnAMetricMeasure_IsRefused()
    {
        var measure = new Measure(MeasureUnit.Currency, MeasureDirection.HigherIsBetter, 1m, 2m, "CNY", MeasureSource.TtmRevenue);
        var plan = Draft(Content(objectives: [new ObjectiveInput(null, "TTM 收入", measure, new DateOnly(2028, 1, 1), null)]));
        Assert.That(CodeOf(() => plan.RecordActual(plan.Objectives[0].Id, 1.5m, T0)), Is.EqualTo("measure-actual-computed"));
    }

    [Test]
    public void Initiative_DueOutsideThePlan_IsRefusedOnItsDueDate()
    {
        var content = Content(initiatives: [new InitiativeInput(null, "拜访", Manager, Department.Sales, new DateOnly(2026, 12, 31), InitiativeStatus.NotStarted, null, null, null)]);
        Assert.That(FieldOf(() => Draft(content)), Is.EqualTo("initiatives[0].dueDate"));
    }

    [Test]
    public void Initiative_ServingAnObjectiveNotInTheRequest_IsRefused()
    {
        var content = Content(initiatives: [new InitiativeInput(null, "拜访", Manager, Department.Sales, new DateOnly(2027, 3, 1), InitiativeStatus.NotStarted, 1, null, null)]);
        Assert.That(FieldOf(() => Draft(content)), Is.EqualTo("initiatives[0].objectiveIndex"));
    }

    [Test]
    public void Submit_WithoutAnInitiative_IsRefusedNamingInitiatives()
    {
        var plan = Draft(Content(initiatives: []));
        var e = Assert.Throws<BusinessRuleViolationException>(() => plan.Submit(Manager, T0))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Rule.Code, Is.EqualTo("plan-incomplete"));
            Assert.That(e.Rule.Field, Is.EqualTo("initiatives"));
            Assert.That(plan.Status, Is.EqualTo(PlanStatus.Draft));
        });
    }

    [Test]
    public void Submit_WithoutAnObjective_IsRefusedNamingObjectives()
    {
        var plan = Draft(Content(objectives: [], initiatives: [new InitiativeInput(null, "拜访", Manager, Department.Sales, new DateOnly(2027, 3, 1), InitiativeStatus.NotStarted, null, null, null)]));
        Assert.That(FieldOf(() => plan.Submit(Manager, T0)), Is.EqualTo("objectives"));
    }

    [Test]
    public void Approve_ByItsAuthor_IsRefused()
    {
        var plan = In(PlanStatus.Submitted);
        Assert.That(CodeOf(() => plan.Approve(Manager, null, null, T0)), Is.EqualTo("plan-four-eyes"));
    }

    [Test]
    public void Approve_ByADirectorWhoSubmittedIt_IsRefused()
    {
        var plan = DevelopmentPlan.Draft(Account, Content(), Manager, Today, T0);
        plan.Submit(Director, T0);
        Assert.That(CodeOf(() => plan.Approve(Director, null, null, T0)), Is.EqualTo("plan-four-eyes"));
        plan.Approve(OtherDirector, null, null, T0);
        Assert.That(plan.Status, Is.EqualTo(PlanStatus.Approved));
    }

    [Test]
    public void Approve_WhenAnotherPlanIsInForceForTheSamePeriod_IsRefusedOnStartDate()
    {
        var plan = In(PlanStatus.Submitted);
        Assert.That(FieldOf(() => plan.Approve(Director, null, DevelopmentPlanId.New(), T0)), Is.EqualTo("startDate"));
    }

    [Test]
    public void Approve_FreezesTheBaseline_AndRaisesApproved()
    {
        var plan = In(PlanStatus.Approved);
        Assert.Multiple(() =>
        {
            Assert.That(plan.Baseline, Is.Not.Null);
            Assert.That(plan.Baseline!.PlanVersion, Is.EqualTo(1));
            Assert.That(plan.Baseline.ApprovedBy, Is.EqualTo(Director));
            Assert.That(plan.Baseline.Objectives.Single().Measure.Target, Is.EqualTo(1_500_000m));
            Assert.That(plan.Baseline.Initiatives.Single().ObjectiveKey, Is.EqualTo(plan.Objectives[0].Key));
            Assert.That(plan.DomainEvents.OfType<DevelopmentPlanApproved>().Single().SupersededPlanId, Is.Null);
        });
    }

    [Test]
    public void Edit_AfterApproval_IsRefused_TheBaselineStaysAsApproved()
    {
        var plan = In(PlanStatus.Active);
        var changed = Content(objectives: [new ObjectiveInput(plan.Objectives[0].Id, "年销售额翻番", Revenue(1_000_000m, 2_000_000m), new DateOnly(2028, 12, 31), null)]);
        Assert.That(CodeOf(() => plan.Edit(changed, Today, T0)), Is.EqualTo("plan-not-editable"));
        Assert.That(plan.Objectives[0].Measure.Target, Is.EqualTo(1_500_000m));
    }

    [Test]
    public void Revise_MakesADraftOfTheNextVersion_KeepingKeysAndProgress()
    {
        var plan = In(PlanStatus.Active);
        plan.RecordActual(plan.Objectives[0].Id, 1_250_000m, T0);
        plan.SetInitiativeStatus(plan.Initiatives[0].Id, InitiativeStatus.Done, Manager, null, Today, T0);

        var next = plan.Revise(Manager, null, T0);

        Assert.Multiple(() =>
        {
            Assert.That(next.Status, Is.EqualTo(PlanStatus.Draft));
            Assert.That(next.PlanVersion, Is.EqualTo(2));
            Assert.That(next.PreviousVersionId, Is.EqualTo(plan.Id));
            Assert.That(next.Objectives[0].Key, Is.EqualTo(plan.Objectives[0].Key));
            Assert.That(next.Objectives[0].Id, Is.Not.EqualTo(plan.Objectives[0].Id));
            Assert.That(next.Objectives[0].Progress, Is.EqualTo(50m));
            Assert.That(next.Initiatives[0].Status, Is.EqualTo(InitiativeStatus.Done));
            Assert.That(next.Initiatives[0].ObjectiveId, Is.EqualTo(next.Objectives[0].Id));
            Assert.That(next.Baseline, Is.Null);
            Assert.That(plan.Status, Is.EqualTo(PlanStatus.Active), "the approved version stays in force until the next is approved");
        });
    }

    [Test]
    public void Revise_OfADraft_IsRefused()
    {
        Assert.That(CodeOf(() => In(PlanStatus.Draft).Revise(Manager, null, T0)), Is.EqualTo("plan-not-in-force"));
    }

    [Test]
    public void Approve_OfARevision_SupersedesThePreviousVersion()
    {
        var plan = In(PlanStatus.Active);
        var next = plan.Revise(Manager, null, T0);
        next.Submit(Manager, T0);

        next.Approve(Director, plan, null, T0);

        Assert.Multiple(() =>
        {
            Assert.That(plan.Status, Is.EqualTo(PlanStatus.Superseded));
            Assert.That(plan.NextReviewDue, Is.Null);
            Assert.That(next.Status, Is.EqualTo(PlanStatus.Approved));
            Assert.That(next.Baseline!.PlanVersion, Is.EqualTo(2));
            Assert.That(next.DomainEvents.OfType<DevelopmentPlanApproved>().Single().SupersededPlanId, Is.EqualTo(plan.Id));
        });
    }

    [Test]
    public void Reject_KeepsTheComment_AndReturnsToDraft()
    {
        var plan = In(PlanStatus.Submitted);
        plan.Reject("  目标过于保守  ", Director, T0);
        Assert.Multiple(() =>
        {
            Assert.That(plan.Status, Is.EqualTo(PlanStatus.Draft));
            Assert.That(plan.RejectionComment, Is.EqualTo("目标过于保守"));
            Assert.That(plan.RejectedBy, Is.EqualTo(Director));
        });
    }

    [Test]
    public void Reject_WithoutAComment_IsRefusedOnComment()
    {
        Assert.That(FieldOf(() => In(PlanStatus.Submitted).Reject(" ", Director, T0)), Is.EqualTo("comment"));
    }

    [Test]
    public void Activate_SetsTheFirstReviewACadenceAfterTheStart()
    {
        var plan = In(PlanStatus.Approved);
        plan.Activate(Manager, Today, T0);
        Assert.That(plan.NextReviewDue, Is.EqualTo(Start.AddMonths(3)), "activated before its start: the cadence counts from the start");
    }

    [Test]
    public void SetInitiativeStatus_WhileSubmitted_IsRefused()
    {
        var plan = In(PlanStatus.Submitted);
        Assert.That(CodeOf(() => plan.SetInitiativeStatus(plan.Initiatives[0].Id, InitiativeStatus.Done, Manager, null, Today, T0)), Is.EqualTo("plan-not-in-progress"));
    }

    [Test]
    public void SetInitiativeStatus_Done_CountsItAndClearsTheOpenDueDate()
    {
        var plan = In(PlanStatus.Active);
        Assert.That(plan.EarliestOpenDueDate, Is.EqualTo(new DateOnly(2027, 6, 30)));
        plan.SetInitiativeStatus(plan.Initiatives[0].Id, InitiativeStatus.Done, Manager, null, new DateOnly(2027, 7, 2), T0);
        Assert.Multiple(() =>
        {
            Assert.That(plan.InitiativesDone, Is.EqualTo(1));
            Assert.That(plan.EarliestOpenDueDate, Is.Null);
            Assert.That(plan.Initiatives[0].CompletedOn, Is.EqualTo(new DateOnly(2027, 7, 2)));
            Assert.That(plan.Initiatives[0].IsOverdue(new DateOnly(2027, 8, 1)), Is.False);
        });
        plan.SetInitiativeStatus(plan.Initiatives[0].Id, InitiativeStatus.Blocked, Manager, null, new DateOnly(2027, 7, 3), T0);
        Assert.That(plan.Initiatives[0].CompletedOn, Is.Null);
    }

    [Test]
    public void Initiative_IsOverdue_FromTheDayAfterItsDueDate()
    {
        var initiative = In(PlanStatus.Active).Initiatives[0];
        Assert.Multiple(() =>
        {
            Assert.That(initiative.IsOverdue(new DateOnly(2027, 6, 30)), Is.False);
            Assert.That(initiative.IsOverdue(new DateOnly(2027, 7, 1)), Is.True);
        });
    }

    [Test]
    public void RecordActual_MovesObjectiveAndPlanProgress()
    {
        var plan = In(PlanStatus.Active);
        Assert.That(plan.Progress, Is.EqualTo(0m), "no actual yet counts 0");
        plan.RecordActual(plan.Objectives[0].Id, 1_250_000m, T0);
        Assert.Multiple(() =>
        {
            Assert.That(plan.Objectives[0].Progress, Is.EqualTo(50m));
            Assert.That(plan.Progress, Is.EqualTo(50m));
        });
    }

    [Test]
    public void Edit_KeepsIdentityOfItemsSentWithTheirId_AndRemovesTheOthers()
    {
        var plan = Draft();
        var kept = plan.Objectives[0];
        var content = Content(
            objectives:
            [
                new ObjectiveInput(kept.Id, "年销售额提升 60%", Revenue(1_000_000m, 1_600_000m), new DateOnly(2028, 12, 31), 1_300_000m),
                new ObjectiveInput(null, "客户满意度", new Measure(MeasureUnit.Number, MeasureDirection.HigherIsBetter, 20m, 50m, null, MeasureSource.AccountNps), new DateOnly(2028, 6, 30), null),
            ],
            initiatives: [new InitiativeInput(null, "联合研发", Manager, Department.Technical, new DateOnly(2027, 9, 30), InitiativeStatus.InProgress, 1, null, 30m)]);
        plan.Edit(content, Today, T0);
        Assert.Multiple(() =>
        {
            Assert.That(plan.Objectives, Has.Count.EqualTo(2));
            Assert.That(plan.Objectives[0].Id, Is.EqualTo(kept.Id));
            Assert.That(plan.Objectives[0].Key, Is.EqualTo(kept.Key));
            Assert.That(plan.Objectives[0].Progress, Is.EqualTo(50m));
            Assert.That(plan.Initiatives.Single().ObjectiveId, Is.EqualTo(plan.Objectives[1].Id));
            Assert.That(plan.Progress, Is.EqualTo(25m), "mean of 50 and an unmeasured 0");
        });
    }

    [Test]
    public void Edit_WithAnIdOfAnotherPlan_IsRefused_AndChangesNothing()
    {
        var plan = Draft();
        var title = plan.Title;
        var content = Content(objectives: [new ObjectiveInput(PlanObjectiveId.New(), "x", Revenue(), new DateOnly(2028, 1, 1), null)]);
        Assert.That(FieldOf(() => plan.Edit(content with { Title = "新标题" }, Today, T0)), Is.EqualTo("objectives[0].id"));
        Assert.That(plan.Title, Is.EqualTo(title));
    }

    [Test]
    public void RecordReview_SnapshotsProgressWithComments_AndMovesTheNextReview()
    {
        var plan = In(PlanStatus.Active);
        plan.RecordActual(plan.Objectives[0].Id, 1_100_000m, T0);
        var heldOn = new DateOnly(2027, 4, 1);
        var review = plan.RecordReview(heldOn, Director, "加派技术支持", new Dictionary<PlanObjectiveId, string> { [plan.Objectives[0].Id] = "Q1 订单推迟" }, heldOn, T0);
        Assert.Multiple(() =>
        {
            Assert.That(review.Progress, Is.EqualTo(20m));
            Assert.That(review.Objectives.Single().Comment, Is.EqualTo("Q1 订单推迟"));
            Assert.That(review.Objectives.Single().ExpectedProgress, Is.EqualTo(12.3m), "90 of 730 days");
            Assert.That(plan.NextReviewDue, Is.EqualTo(new DateOnly(2027, 7, 1)));
            Assert.That(plan.LastReviewedOn, Is.EqualTo(heldOn));
        });
    }

    [Test]
    public void RecordReview_InTheFuture_IsRefusedOnHeldOn()
    {
        var plan = In(PlanStatus.Active);
        Assert.That(FieldOf(() => plan.RecordReview(Today.AddDays(1), Director, "x", new Dictionary<PlanObjectiveId, string>(), Today, T0)), Is.EqualTo("heldOn"));
    }

    [Test]
    public void RecordReview_OfADraft_IsRefused()
    {
        Assert.That(CodeOf(() => Draft().RecordReview(Today, Director, "x", new Dictionary<PlanObjectiveId, string>(), Today, T0)), Is.EqualTo("plan-not-active"));
    }

    // ---- History: every step is one line of data with the words given with it ----

    private static IEnumerable<TestCaseData> EveryTransition() =>
        PlanWorkflow.Transitions.Select(t => new TestCaseData(t.From, t.Action, t.To).SetName($"History_{t.Action}From{t.From}_WritesOneLine"));

    [TestCaseSource(nameof(EveryTransition))]
    public void EachTransition_WritesOneHistoryLine_WithItsComment(PlanStatus from, PlanAction action, PlanStatus to)
    {
        var plan = In(from);
        plan.ClearNewHistory();
        var by = action is PlanAction.Approve or PlanAction.Reject ? Director : Manager;
        var comment = action switch
        {
            PlanAction.Approve => "  同意，二季度复盘时跟进新能源产线。 ",
            PlanAction.Reject => "目标过于保守",
            PlanAction.Cancel => "客户被收购",
            _ => null,
        };
        switch (action)
        {
            case PlanAction.Submit: plan.Submit(by, T0); break;
            case PlanAction.Approve: plan.Approve(by, null, null, T0, comment); break;
            case PlanAction.Reject: plan.Reject(comment!, by, T0); break;
            case PlanAction.Activate: plan.Activate(by, Today, T0); break;
            case PlanAction.Complete: plan.Complete(by, T0); break;
            case PlanAction.Cancel: plan.Cancel(comment!, by, T0); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }

        var line = plan.NewHistory.Single();
        Assert.Multiple(() =>
        {
            Assert.That(line.PlanId, Is.EqualTo(plan.Id));
            Assert.That(line.Kind, Is.EqualTo(PlanHistoryKind.StatusChanged));
            Assert.That(line.Args.Action, Is.EqualTo(action));
            Assert.That(line.Args.FromStatus, Is.EqualTo(from));
            Assert.That(line.Args.ToStatus, Is.EqualTo(to));
            Assert.That(line.By, Is.EqualTo(by));
            Assert.That(line.At, Is.EqualTo(T0));
            Assert.That(line.Comment, Is.EqualTo(comment?.Trim()));
        });
    }

    [Test]
    public void Approve_WithoutAComment_WritesALineWithoutOne()
    {
        var plan = In(PlanStatus.Submitted);
        plan.ClearNewHistory();
        plan.Approve(Director, null, null, T0, "   ");
        Assert.That(plan.NewHistory.Single().Comment, Is.Null);
    }

    [Test]
    public void ARefusedStep_WritesNoLine()
    {
        var plan = In(PlanStatus.Draft);
        plan.ClearNewHistory();
        Assert.That(CodeOf(() => plan.Approve(Director, null, null, T0, "同意")), Is.EqualTo("plan-transition-not-allowed"));
        Assert.That(plan.NewHistory, Is.Empty);
    }

    [Test]
    public void Revise_WritesRevised_OnTheVersionInForce_AndItsApprovalWritesSuperseded()
    {
        var plan = In(PlanStatus.Active);
        plan.ClearNewHistory();
        var next = plan.Revise(Manager, null, T0);
        var revised = plan.NewHistory.Single();
        Assert.Multiple(() =>
        {
            Assert.That(revised.Kind, Is.EqualTo(PlanHistoryKind.Revised));
            Assert.That(revised.Args.RelatedPlanId, Is.EqualTo(next.Id));
            Assert.That(revised.Args.RelatedPlanVersion, Is.EqualTo(2));
            Assert.That(revised.By, Is.EqualTo(Manager));
        });

        plan.ClearNewHistory();
        next.Submit(Manager, T0);
        next.Approve(Director, plan, null, T0, "同意修订");
        var superseded = plan.NewHistory.Single();
        Assert.Multiple(() =>
        {
            Assert.That(superseded.Kind, Is.EqualTo(PlanHistoryKind.Superseded));
            Assert.That(superseded.Args.FromStatus, Is.EqualTo(PlanStatus.Active));
            Assert.That(superseded.Args.ToStatus, Is.EqualTo(PlanStatus.Superseded));
            Assert.That(superseded.Args.RelatedPlanId, Is.EqualTo(next.Id));
            Assert.That(superseded.By, Is.EqualTo(Director));
            Assert.That(next.NewHistory[^1].Comment, Is.EqualTo("同意修订"));
        });
    }

    [Test]
    public void Revise_WhenARevisionExists_IsRefused_AndMayBeRevisedSaysSo()
    {
        var plan = In(PlanStatus.Approved);
        var existing = DevelopmentPlanId.New();
        Assert.Multiple(() =>
        {
            Assert.That(plan.MayBeRevised(null), Is.True);
            Assert.That(plan.MayBeRevised(existing), Is.False);
            Assert.That(In(PlanStatus.Draft).MayBeRevised(null), Is.False);
            Assert.That(In(PlanStatus.Completed).MayBeRevised(null), Is.False);
            Assert.That(CodeOf(() => plan.Revise(Manager, existing, T0)), Is.EqualTo("plan-revision-exists"));
        });
    }

    [Test]
    public void SetInitiativeStatus_WritesOneLine_WithTheInitiativeAndItsNote()
    {
        var plan = In(PlanStatus.Active);
        plan.ClearNewHistory();
        var initiative = plan.Initiatives[0];
        plan.SetInitiativeStatus(initiative.Id, InitiativeStatus.Blocked, Manager, " 客户暂停了拜访 ", Today, T0);
        var line = plan.NewHistory.Single();
        Assert.Multiple(() =>
        {
            Assert.That(line.Kind, Is.EqualTo(PlanHistoryKind.InitiativeStatusChanged));
            Assert.That(line.Args.InitiativeKey, Is.EqualTo(initiative.Key));
            Assert.That(line.Args.InitiativeTitle, Is.EqualTo("季度高层拜访"));
            Assert.That(line.Args.InitiativeFrom, Is.EqualTo(InitiativeStatus.NotStarted));
            Assert.That(line.Args.InitiativeTo, Is.EqualTo(InitiativeStatus.Blocked));
            Assert.That(line.Comment, Is.EqualTo("客户暂停了拜访"));
        });
    }
}
