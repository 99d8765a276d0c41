namespace KeyAccount.Domain.Surveys;

/// <summary>
/// The relationship survey a new installation starts with (published, so a first campaign can be run at once): the
/// recommendation question (NPS), overall satisfaction (CSAT) and one optional open question. Its question ids are
/// fixed, so that every installation's answers to it compare.
/// </summary>
public static class DefaultSurveyTemplates
{
    public static readonly Guid RecommendQuestionId = new("0193a1e0-0000-7000-8000-000000000001");
    public static readonly Guid SatisfactionQuestionId = new("0193a1e0-0000-7000-8000-000000000002");
    public static readonly Guid ImproveQuestionId = new("0193a1e0-0000-7000-8000-000000000003");

    public static SurveyTemplateContent Relationship { get; } = new(
        "客户关系满意度调查 / Relationship survey",
        "每年两次的客户关系调查：推荐意愿（NPS）、总体满意度（CSAT）和一个开放问题。 / The twice-yearly relationship survey: likelihood to recommend (NPS), overall satisfaction (CSAT) and one open question.",
        [
            new SurveyQuestion(
                RecommendQuestionId,
                1,
                QuestionType.Nps,
                Required: true,
                new LocalizedText("您向同事或合作伙伴推荐我们的可能性有多大？", "How likely is it that you would recommend us to a colleague?"),
                LowLabel: new LocalizedText("完全不可能", "Not at all likely"),
                HighLabel: new LocalizedText("非常可能", "Extremely likely")),
            new SurveyQuestion(
                SatisfactionQuestionId,
                2,
                QuestionType.Rating,
                Required: true,
                new LocalizedText("总体而言，您对我们的产品和服务满意吗？", "Overall, how satisfied are you with our products and service?"),
                LowLabel: new LocalizedText("非常不满意", "Very dissatisfied"),
                HighLabel: new LocalizedText("非常满意", "Very satisfied")),
            new SurveyQuestion(
                ImproveQuestionId,
                3,
                QuestionType.Text,
                Required: false,
                new LocalizedText("您最希望我们首先改进哪一方面？", "What should we improve first?"),
                MaxLength: SurveyQuestion.DefaultTextAnswerLength),
        ]);
}
