using KeyAccount.Domain.Common;
using KeyAccount.Domain.Surveys;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Tests.Surveys;

/// <summary>The template aggregate: its document rules, the Draft → Published → Retired versions, and the answer rule at its edges.</summary>
public class SurveyTemplateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);
    private static readonly UserId Designer = new(Guid.NewGuid());

    private static readonly Guid Nps = Guid.NewGuid();
    private static readonly Guid Rating = Guid.NewGuid();
    private static readonly Guid Single = Guid.NewGuid();
    private static readonly Guid Multi = Guid.NewGuid();
    private static readonly Guid Comment = Guid.NewGuid();

    private static LocalizedText T(string zh, string en) => new(zh, en);

    private static IReadOnlyList<SurveyChoice> Channels() =>
    [
        new("email", T("电子邮件", "Email")),
        new("phone", T("电话", "Phone")),
        new("wechat", T("微信", "WeChat")),
    ];

    private static SurveyTemplateContent Content(IReadOnlyList<SurveyQuestion>? questions = null) => new(
        "2027 上半年客户关系调查",
        "面向战略客户的决策者",
        questions ??
        [
            new(Nps, 0, QuestionType.Nps, true, T("您向同事推荐我们的可能性有多大？", "How likely are you to recommend us?"), T("完全不可能", "Not at all likely"), T("非常可能", "Extremely likely")),
            new(Rating, 0, QuestionType.Rating, true, T("您对交付满意吗？", "How satisfied are you with delivery?")),
            new(Single, 0, QuestionType.SingleChoice, false, T("您最常用的联系方式？", "Your preferred channel?"), Choices: Channels()),
            new(Multi, 0, QuestionType.MultiChoice, false, T("您使用哪些渠道？", "Which channels do you use?"), Choices: Channels()),
            new(Comment, 0, QuestionType.Text, false, T("还有什么建议？", "Anything else?"), MaxLength: 10),
        ]);

    private static SurveyTemplate Published()
    {
        var template = SurveyTemplate.Create(Content(), T0);
        template.Publish(null, Designer, T0);
        return template;
    }

    /// <summary>Answers to every required question, valid; <paramref name="extra"/> appended.</summary>
    private static List<SurveyAnswer> Valid(params SurveyAnswer[] extra) => [new(Nps, Number: 9), new(Rating, Number: 4), .. extra];

    private static IReadOnlyList<(string Code, string? Field)> Broken(SurveyTemplate template, IReadOnlyList<SurveyAnswer> answers) =>
        [.. template.Check(answers).Select(r => (r.Code, r.Field))];

    // ---- the document

    [Test]
    public void Create_NumbersQuestionsInOrder_AndDefaultsTheTextLimit()
    {
        var template = SurveyTemplate.Create(Content([new(Guid.Empty, 7, QuestionType.Text, false, T("建议", "Suggestions"))]), T0);
        Assert.Multiple(() =>
        {
            Assert.That(template.Status, Is.EqualTo(SurveyTemplateStatus.Draft));
            Assert.That(template.TemplateVersion, Is.EqualTo(1));
            Assert.That(template.Questions[0].Position, Is.EqualTo(1));
            Assert.That(template.Questions[0].Id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(template.Questions[0].MaxLength, Is.EqualTo(2000));
            Assert.That(template.AllowedActions(false), Is.EqualTo(new[] { SurveyTemplateAction.Edit, SurveyTemplateAction.Publish }));
        });
    }

    [Test]
    public void RulesBrokenBy_WhenQuestionTextIsAtAndOverItsLimit_RefusesOnlyTheLongerOnTheLanguage()
    {
        var at = new string('调', 500);
        var over = new string('调', 501);
        Assert.That(SurveyTemplate.RulesBrokenBy(Content([new(Guid.Empty, 1, QuestionType.Nps, true, T(at, "ok"))])), Is.Empty);
        var broken = SurveyTemplate.RulesBrokenBy(Content([new(Guid.Empty, 1, QuestionType.Nps, true, T(over, "ok"))]));
        Assert.That(broken.Select(r => r.Field), Is.EqualTo(new[] { "questions[0].text.zh" }));
    }

    [Test]
    public void RulesBrokenBy_WhenAnEnglishTextIsMissing_NamesItsLanguage()
    {
        var broken = SurveyTemplate.RulesBrokenBy(Content([new(Guid.Empty, 1, QuestionType.Rating, true, T("满意吗？", " "))]));
        Assert.That(broken.Select(r => (r.Code, r.Field)), Is.EqualTo(new[] { ("localized-text-incomplete", (string?)"questions[0].text.en") }));
    }

    [Test]
    public void RulesBrokenBy_ChoicesAtTheirEdges()
    {
        IReadOnlyList<SurveyChoice> Choices(int n) => [.. Enumerable.Range(1, n).Select(i => new SurveyChoice($"c{i}", T($"选项{i}", $"Option {i}")))];
        SurveyTemplateContent With(QuestionType type, IReadOnlyList<SurveyChoice>? choices) => Content([new(Guid.Empty, 1, type, true, T("问题", "Question"), Choices: choices)]);
        Assert.Multiple(() =>
        {
            Assert.That(SurveyTemplate.RulesBrokenBy(With(QuestionType.SingleChoice, Choices(2))), Is.Empty);
            Assert.That(SurveyTemplate.RulesBrokenBy(With(QuestionType.MultiChoice, Choices(20))), Is.Empty);
            Assert.That(SurveyTemplate.RulesBrokenBy(With(QuestionType.SingleChoice, Choices(1))).Select(r => r.Field), Is.EqualTo(new[] { "questions[0].choices" }));
            Assert.That(SurveyTemplate.RulesBrokenBy(With(QuestionType.MultiChoice, Choices(21))).Select(r => r.Field), Is.EqualTo(new[] { "questions[0].choices" }));
            Assert.That(SurveyTemplate.RulesBrokenBy(With(QuestionType.Rating, Choices(2))).Select(r => r.Code), Is.EqualTo(new[] { "survey-question-choices-invalid" }));
            Assert.That(SurveyTemplate.RulesBrokenBy(With(QuestionType.SingleChoice, [new("same", T("甲", "A")), new("same", T("乙", "B"))])).Select(r => (r.Code, r.Field)),
                Is.EqualTo(new[] { ("survey-choice-key-duplicate", (string?)"questions[0].choices[1].key") }));
            Assert.That(SurveyTemplate.RulesBrokenBy(With(QuestionType.SingleChoice, [new("Upper", T("甲", "A")), new(new string('k', 41), T("乙", "B"))])).Select(r => r.Field),
                Is.EqualTo(new[] { "questions[0].choices[0].key", "questions[0].choices[1].key" }));
            Assert.That(SurveyTemplate.RulesBrokenBy(With(QuestionType.SingleChoice, [new(new string('k', 40), T("甲", "A")), new("a-b_9", T("乙", "B"))])), Is.Empty);
        });
    }

    [Test]
    public void RulesBrokenBy_LabelsAndMaxLengthOnlyWhereTheyBelong()
    {
        var broken = SurveyTemplate.RulesBrokenBy(Content(
        [
            new(Guid.Empty, 1, QuestionType.Text, false, T("建议", "Suggestions"), LowLabel: T("低", "Low"), MaxLength: 4001),
            new(Guid.Empty, 2, QuestionType.Nps, true, T("推荐", "Recommend"), MaxLength: 10),
            new(Guid.Empty, 3, QuestionType.Text, false, T("建议", "Suggestions"), MaxLength: 4000),
            new(Guid.Empty, 4, QuestionType.Text, false, T("建议", "Suggestions"), MaxLength: 0),
        ]));
        Assert.That(broken.Select(r => r.Field), Is.EquivalentTo(new[] { "questions[0].lowLabel", "questions[0].maxLength", "questions[1].maxLength", "questions[3].maxLength" }));
    }

    [Test]
    public void Create_WhenTwoQuestionsShareAnId_Refuses()
    {
        var id = Guid.NewGuid();
        var ex = Assert.Throws<BusinessRuleViolationException>(() => SurveyTemplate.Create(Content(
        [
            new(id, 1, QuestionType.Nps, true, T("推荐", "Recommend")),
            new(id, 2, QuestionType.Rating, true, T("满意", "Satisfied")),
        ]), T0));
        Assert.That(ex!.Rule.Field, Is.EqualTo("questions[1].id"));
    }

    // ---- versions

    [Test]
    public void Publish_WithoutQuestions_IsRefusedOnQuestions()
    {
        var template = SurveyTemplate.Create(Content([]), T0);
        var ex = Assert.Throws<BusinessRuleViolationException>(() => template.Publish(null, Designer, T0));
        Assert.That((ex!.Rule.Code, ex.Rule.Field), Is.EqualTo(("survey-template-without-questions", (string?)"questions")));
        Assert.That(template.Status, Is.EqualTo(SurveyTemplateStatus.Draft));
    }

    [Test]
    public void Edit_WhenPublished_BreaksSurveyTemplateMustBeDraft()
    {
        var template = Published();
        var ex = Assert.Throws<BusinessRuleViolationException>(() => template.Edit(Content(), T0));
        Assert.That(ex!.Rule, Is.InstanceOf<SurveyTemplateMustBeDraft>());
        Assert.That(ex.Rule.Code, Is.EqualTo("survey-template-not-editable"));
    }

    [Test]
    public void Publish_WhenAlreadyPublished_BreaksTheTransitionRule()
    {
        var template = Published();
        var ex = Assert.Throws<BusinessRuleViolationException>(() => template.Publish(null, Designer, T0));
        Assert.That(ex!.Rule.Code, Is.EqualTo("survey-template-transition-not-allowed"));
    }

    [Test]
    public void Revise_ThenPublish_CopiesTheQuestionIds_AndRetiresTheRevisedVersion()
    {
        var v1 = Published();
        var v2 = v1.Revise(null, T0.AddDays(1));
        Assert.Multiple(() =>
        {
            Assert.That(v2.Status, Is.EqualTo(SurveyTemplateStatus.Draft));
            Assert.That(v2.TemplateVersion, Is.EqualTo(2));
            Assert.That(v2.PreviousVersionId, Is.EqualTo(v1.Id));
            Assert.That(v2.LineageId, Is.EqualTo(v1.LineageId));
            Assert.That(v2.Questions.Select(q => q.Id), Is.EqualTo(v1.Questions.Select(q => q.Id)));
            Assert.That(v1.AllowedActions(hasRevision: true), Is.Empty);
            Assert.That(v1.AllowedActions(hasRevision: false), Is.EqualTo(new[] { SurveyTemplateAction.Revise }));
        });

        v2.Edit(Content([.. v2.Questions.Take(2), new(Guid.Empty, 0, QuestionType.Text, false, T("新问题", "New question"))]), T0.AddDays(2));
        v2.Publish(v1, Designer, T0.AddDays(3));
        Assert.Multiple(() =>
        {
            Assert.That(v2.Status, Is.EqualTo(SurveyTemplateStatus.Published));
            Assert.That(v2.PublishedBy, Is.EqualTo(Designer));
            Assert.That(v1.Status, Is.EqualTo(SurveyTemplateStatus.Retired));
            Assert.That(v2.Questions[0].Id, Is.EqualTo(Nps));
        });
    }

    [Test]
    public void Revise_WhenARevisionExists_BreaksSurveyTemplateIsRevisedOnce()
    {
        var v1 = Published();
        var v2 = v1.Revise(null, T0);
        var ex = Assert.Throws<BusinessRuleViolationException>(() => v1.Revise(v2.Id, T0));
        Assert.That(ex!.Rule.Code, Is.EqualTo("survey-template-revision-exists"));
        Assert.Throws<BusinessRuleViolationException>(() => SurveyTemplate.Create(Content(), T0).Revise(null, T0));
    }

    [Test]
    public void DefaultRelationshipTemplate_KeepsEveryRule()
    {
        Assert.That(SurveyTemplate.RulesBrokenBy(DefaultSurveyTemplates.Relationship), Is.Empty);
        var template = SurveyTemplate.Create(DefaultSurveyTemplates.Relationship, T0);
        template.Publish(null, Designer, T0);
        Assert.That(template.Questions.Select(q => q.Type), Is.EqualTo(new[] { QuestionType.Nps, QuestionType.Rating, QuestionType.Text }));
        Assert.That(template.Check([new(DefaultSurveyTemplates.RecommendQuestionId, Number: 10), new(DefaultSurveyTemplates.SatisfactionQuestionId, Number: 5)]), Is.Empty);
    }

    // ---- the answer rule

    [TestCase(0)]
    [TestCase(10)]
    public void Check_NpsAtItsEnds_IsAccepted(int value) =>
        Assert.That(Published().Check([new(Nps, Number: value), new(Rating, Number: 4)]), Is.Empty);

    [TestCase(-1)]
    [TestCase(11)]
    public void Check_NpsOutsideItsEnds_IsRefusedOnItsNumber(int value) =>
        Assert.That(Broken(Published(), [new(Rating, Number: 4), new(Nps, Number: value)]), Is.EqualTo(new[] { ("survey-answer-number-out-of-range", (string?)"answers[1].number") }));

    [TestCase(1, true)]
    [TestCase(5, true)]
    [TestCase(0, false)]
    [TestCase(6, false)]
    public void Check_RatingAtAndBeyondItsEnds(int value, bool accepted)
    {
        var broken = Broken(Published(), [new(Nps, Number: 7), new(Rating, Number: value)]);
        Assert.That(broken, accepted ? Is.Empty : Is.EqualTo(new[] { ("survey-answer-number-out-of-range", (string?)"answers[1].number") }));
    }

    [Test]
    public void Check_AScaleAnswerWithoutANumber_IsRefusedOnItsNumber() =>
        Assert.That(Broken(Published(), [new(Nps), new(Rating, Number: 3)]), Is.EqualTo(new[] { ("survey-answer-number-out-of-range", (string?)"answers[0].number") }));

    [Test]
    public void Check_AChoiceNotOffered_IsRefusedOnChoices() =>
        Assert.That(Broken(Published(), Valid(new SurveyAnswer(Multi, Choices: ["email", "fax"]))), Is.EqualTo(new[] { ("survey-answer-choice-not-offered", (string?)"answers[2].choices") }));

    [Test]
    public void Check_TwoChoicesToASingleChoice_IsRefusedOnChoices() =>
        Assert.That(Broken(Published(), Valid(new SurveyAnswer(Single, Choices: ["email", "phone"]))), Is.EqualTo(new[] { ("survey-answer-single-choice", (string?)"answers[2].choices") }));

    [Test]
    public void Check_OneChoiceToASingleChoice_AndSeveralToAMultiChoice_AreAccepted() =>
        Assert.That(Published().Check(Valid(new SurveyAnswer(Single, Choices: ["wechat"]), new SurveyAnswer(Multi, Choices: ["email", "phone", "wechat"]))), Is.Empty);

    [Test]
    public void Check_AChoicePickedTwice_IsRefusedOnChoices() =>
        Assert.That(Broken(Published(), Valid(new SurveyAnswer(Multi, Choices: ["email", "email"]))), Is.EqualTo(new[] { ("survey-answer-choice-repeated", (string?)"answers[2].choices") }));

    [Test]
    public void Check_ChineseTextAtMaxLength_IsAccepted_AndOneOver_IsRefused()
    {
        // MaxLength 10: ten Chinese characters fit; an emoji is one character as the respondent counts it (two UTF-16 units).
        Assert.That(Published().Check(Valid(new SurveyAnswer(Comment, Text: "交付及时服务周到满意"))), Is.Empty);
        Assert.That(Published().Check(Valid(new SurveyAnswer(Comment, Text: "交付及时服务周到满意👍"[..9] + "👍"))), Is.Empty);
        Assert.That(Broken(Published(), Valid(new SurveyAnswer(Comment, Text: "交付及时服务周到很满意"))), Is.EqualTo(new[] { ("survey-answer-text-too-long", (string?)"answers[2].text") }));
    }

    [Test]
    public void Check_ARequiredQuestionUnanswered_IsRefusedOnAnswers_NamingTheQuestion()
    {
        var broken = Published().Check([new(Nps, Number: 8)]);
        Assert.That(broken.Select(r => (r.Code, r.Field)), Is.EqualTo(new[] { ("survey-answer-required", (string?)"answers") }));
        Assert.That(broken[0].Message, Does.Contain("How satisfied are you with delivery?"));
        Assert.That(broken[0].Args["questionId"], Is.EqualTo(Rating));
    }

    [Test]
    public void Check_AnUnknownQuestionId_IsRefusedOnItsQuestionId() =>
        Assert.That(Broken(Published(), Valid(new SurveyAnswer(Guid.NewGuid(), Number: 3))), Is.EqualTo(new[] { ("survey-answer-unknown-question", (string?)"answers[2].questionId") }));

    [Test]
    public void Check_AQuestionAnsweredTwice_IsRefusedOnTheSecond() =>
        Assert.That(Broken(Published(), Valid(new SurveyAnswer(Nps, Number: 3))), Is.EqualTo(new[] { ("survey-answer-duplicate-question", (string?)"answers[2].questionId") }));

    [Test]
    public void Check_OptionalQuestionsLeftOut_OrLeftBlank_AreAccepted() =>
        Assert.That(Published().Check(Valid(new SurveyAnswer(Comment, Text: "  "), new SurveyAnswer(Multi, Choices: []))), Is.Empty);

    [Test]
    public void Check_AValueOfAnotherKind_IsRefusedOnThatValue() =>
        Assert.That(Broken(Published(), [new(Nps, Number: 9, Text: "很好"), new(Rating, Number: 4), new(Comment, Number: 3)]),
            Is.EqualTo(new[] { ("survey-answer-value-not-expected", (string?)"answers[0].text"), ("survey-answer-value-not-expected", (string?)"answers[2].number") }));
}
