using System.ComponentModel.DataAnnotations;
using FluentValidation;
using FluentValidation.Results;
using KeyAccount.Domain.Surveys;

namespace KeyAccount.Application.Surveys.Common;

/// <summary>A text in both survey languages.</summary>
public sealed record LocalizedTextDto
{
    /// <summary>Simplified Chinese (at most 500 characters for a question, 200 for a choice label, 100 for a scale label).</summary>
    /// <example>总体而言，您对我们的产品和服务满意吗？</example>
    [MaxLength(SurveyQuestion.TextMaxLength)]
    public required string Zh { get; init; }

    /// <summary>English (the same limits).</summary>
    /// <example>Overall, how satisfied are you with our products and service?</example>
    [MaxLength(SurveyQuestion.TextMaxLength)]
    public required string En { get; init; }

    public LocalizedText ToDomain() => new(Zh, En);

    public static LocalizedTextDto? From(LocalizedText? text) => text is null ? null : new LocalizedTextDto { Zh = text.Zh, En = text.En };
}

/// <summary>One option of a choice question.</summary>
public sealed record SurveyChoiceDto
{
    /// <summary>Stable key stored with answers: a–z, 0–9, '_' and '-', at most 40 characters, unique within the question.</summary>
    /// <example>delivery</example>
    [MaxLength(SurveyQuestion.ChoiceKeyMaxLength)]
    public required string Key { get; init; }

    /// <summary>What the respondent reads (each language at most 200 characters).</summary>
    public required LocalizedTextDto Label { get; init; }
}

/// <summary>A question as sent when creating or editing a template; its position is its place in the list.</summary>
public sealed record SurveyQuestionInput
{
    /// <summary>The question's id, to keep an existing question's identity (answers compare across versions by it); absent for a new question.</summary>
    public Guid? Id { get; init; }

    /// <summary>What an answer is: Nps (0–10), Rating (1–5), SingleChoice, MultiChoice or Text.</summary>
    /// <example>Rating</example>
    public required QuestionType Type { get; init; }

    /// <summary>Whether a response must answer it.</summary>
    /// <example>true</example>
    public required bool Required { get; init; }

    /// <summary>The question, in zh and en (each at most 500 characters).</summary>
    public required LocalizedTextDto Text { get; init; }

    /// <summary>What the lowest value means (Nps and Rating only; each language at most 100 characters).</summary>
    public LocalizedTextDto? LowLabel { get; init; }

    /// <summary>What the highest value means (Nps and Rating only).</summary>
    public LocalizedTextDto? HighLabel { get; init; }

    /// <summary>The options (SingleChoice and MultiChoice only: 2–20).</summary>
    /// <example>[{"key":"quality","label":{"zh":"产品质量","en":"Product quality"}},{"key":"delivery","label":{"zh":"交付准时","en":"On-time delivery"}}]</example>
    [MaxLength(SurveyQuestion.MaxChoices)]
    public IReadOnlyList<SurveyChoiceDto>? Choices { get; init; }

    /// <summary>The longest answer in characters (Text only, 1–4000; default 2000).</summary>
    /// <example>2000</example>
    [Range(1, SurveyQuestion.LongestTextAnswer)]
    public int? MaxLength { get; init; }

    public SurveyQuestion ToDomain(int position) => new(
        Id ?? Guid.Empty,
        position,
        Type,
        Required,
        Text.ToDomain(),
        LowLabel?.ToDomain(),
        HighLabel?.ToDomain(),
        Choices is null ? null : [.. Choices.Select(c => new SurveyChoice(c.Key, c.Label.ToDomain()))],
        MaxLength);
}

/// <summary>A template's whole document: it replaces what a draft holds (send every question you keep, in order).</summary>
public sealed record SurveyTemplateInput
{
    /// <summary>What the template is called (1–200 characters).</summary>
    /// <example>2027 上半年战略客户满意度调查</example>
    [MaxLength(SurveyTemplateTextMustFit.NameMax)]
    public required string Name { get; init; }

    /// <summary>What it is for (at most 2,000 characters).</summary>
    /// <example>面向战略和重点客户决策者的半年度关系调查。</example>
    [MaxLength(SurveyTemplateTextMustFit.DescriptionMax)]
    public string? Description { get; init; }

    /// <summary>The questions in the order the respondent sees them (at most 50; publishing needs at least one).</summary>
    /// <example>[{"type":"Nps","required":true,"text":{"zh":"您向同事或合作伙伴推荐我们的可能性有多大？","en":"How likely is it that you would recommend us to a colleague?"},"lowLabel":{"zh":"完全不可能","en":"Not at all likely"},"highLabel":{"zh":"非常可能","en":"Extremely likely"}},{"type":"SingleChoice","required":false,"text":{"zh":"您最看重我们哪一方面？","en":"What do you value most in us?"},"choices":[{"key":"quality","label":{"zh":"产品质量","en":"Product quality"}},{"key":"delivery","label":{"zh":"交付准时","en":"On-time delivery"}}]},{"type":"Text","required":false,"text":{"zh":"您最希望我们首先改进哪一方面？","en":"What should we improve first?"},"maxLength":2000}]</example>
    [MaxLength(SurveyTemplateQuestionsMustFit.Max)]
    public required IReadOnlyList<SurveyQuestionInput> Questions { get; init; }

    public SurveyTemplateContent ToContent() => new(Name, Description, [.. Questions.Select((q, i) => q.ToDomain(i + 1))]);
}

/// <summary>
/// The shape of a template document (present, in range, of the right type); then the domain's own rules on it
/// (<see cref="SurveyTemplate.RulesBrokenBy"/>: both languages, lengths counted as readers count, choices and labels
/// only where they belong, unique keys and ids), answered together as one 400 whose fields and codes are the rules'.
/// </summary>
public sealed class SurveyTemplateInputValidator : AbstractValidator<SurveyTemplateInput>
{
    public SurveyTemplateInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(SurveyTemplateTextMustFit.NameMax);
        RuleFor(x => x.Description).MaximumLength(SurveyTemplateTextMustFit.DescriptionMax);
        RuleFor(x => x.Questions).NotNull();
        RuleForEach(x => x.Questions).NotNull().ChildRules(q =>
        {
            q.RuleFor(x => x.Type).IsInEnum();
            q.RuleFor(x => x.Text).NotNull().SetValidator(new LocalizedTextValidator());
            q.RuleFor(x => x.LowLabel!).SetValidator(new LocalizedTextValidator()).When(x => x.LowLabel is not null);
            q.RuleFor(x => x.HighLabel!).SetValidator(new LocalizedTextValidator()).When(x => x.HighLabel is not null);
            q.RuleForEach(x => x.Choices).NotNull().ChildRules(c =>
            {
                c.RuleFor(x => x.Key).NotNull();
                c.RuleFor(x => x.Label).NotNull().SetValidator(new LocalizedTextValidator());
            });
        });

        // The domain's rules, once the document has its shape (they read every part of it).
        RuleFor(x => x).Custom((input, context) =>
        {
            if (!IsWellShaped(input))
            {
                return;
            }

            foreach (var rule in SurveyTemplate.RulesBrokenBy(input.ToContent()))
            {
                context.AddFailure(new ValidationFailure(rule.Field ?? string.Empty, rule.Message) { ErrorCode = rule.Code, CustomState = rule.Args });
            }
        }).When(x => x is not null);
    }

    private static bool IsWellShaped(SurveyTemplateInput input) =>
        input.Name is not null && input.Questions is not null
        && input.Questions.All(q => q is not null && Enum.IsDefined(q.Type) && Complete(q.Text) && (q.LowLabel is null || Complete(q.LowLabel)) && (q.HighLabel is null || Complete(q.HighLabel))
            && (q.Choices is null || q.Choices.All(c => c is not null && c.Key is not null && Complete(c.Label))));

    private static bool Complete(LocalizedTextDto? text) => text is { Zh: not null, En: not null };

    private sealed class LocalizedTextValidator : AbstractValidator<LocalizedTextDto>
    {
        public LocalizedTextValidator()
        {
            RuleFor(x => x.Zh).NotNull();
            RuleFor(x => x.En).NotNull();
        }
    }
}
