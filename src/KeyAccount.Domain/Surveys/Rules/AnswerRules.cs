using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Surveys;

// The answer rule of a template (SurveyTemplate.Check), one class per way an answer can be wrong. Each names the
// request field it is about (answers[i].number, …) so that the public page and the phone form place it on the
// question; the codes and args let them say it in the respondent's language.

/// <summary>An answer names a question of the template it answers.</summary>
[RuleCode("survey-answer-unknown-question")]
public sealed class AnswerMustBeToAQuestionOfTheTemplate(int index, Guid questionId) : IBusinessRule
{
    public bool IsBroken() => true;

    public string Message => $"Question {questionId} is not a question of this survey.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["questionId"] = questionId };

    public string? Field => $"answers[{index}].questionId";
}

/// <summary>A question is answered at most once in a response.</summary>
[RuleCode("survey-answer-duplicate-question")]
public sealed class QuestionIsAnsweredOnce(int index, Guid questionId, int firstIndex) : IBusinessRule
{
    public bool IsBroken() => true;

    public string Message => $"Question {questionId} is answered twice (also in answers[{firstIndex}]).";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["questionId"] = questionId, ["firstIndex"] = firstIndex };

    public string? Field => $"answers[{index}].questionId";
}

/// <summary>An Nps answer is an integer 0–10, a Rating answer 1–5; a scale answer without a number answers nothing.</summary>
[RuleCode("survey-answer-number-out-of-range")]
public sealed class AnswerNumberMustBeOnTheScale(int index, QuestionType type, int? number) : IBusinessRule
{
    private (int Min, int Max) Range => type == QuestionType.Nps ? (0, 10) : (1, 5);

    public bool IsBroken() => number is null || number < Range.Min || number > Range.Max;

    public string Message => number is null
        ? $"A {type} answer is a number from {Range.Min} to {Range.Max}."
        : $"A {type} answer is from {Range.Min} to {Range.Max}; {number} is not.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["type"] = type.ToString(), ["min"] = Range.Min, ["max"] = Range.Max, ["value"] = number };

    public string? Field => $"answers[{index}].number";
}

/// <summary>An answer carries only the kind of value its question's type takes (no text for an Nps question, …).</summary>
[RuleCode("survey-answer-value-not-expected")]
public sealed class AnswerValueMustSuitTheQuestion(int index, QuestionType type, string value) : IBusinessRule
{
    public bool IsBroken() => true;

    public string Message => $"A {type} question takes no {value}.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["type"] = type.ToString() };

    public string? Field => $"answers[{index}].{value}";
}

/// <summary>A choice answer picks only keys the question offers.</summary>
[RuleCode("survey-answer-choice-not-offered")]
public sealed class AnswerChoiceMustBeOffered(int index, string key, IReadOnlyList<string> offered) : IBusinessRule
{
    public bool IsBroken() => !offered.Contains(key, StringComparer.Ordinal);

    public string Message => $"'{key}' is not one of this question's choices ({string.Join(", ", offered)}).";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["key"] = key, ["offered"] = offered.ToArray() };

    public string? Field => $"answers[{index}].choices";
}

/// <summary>A choice answer picks each key once.</summary>
[RuleCode("survey-answer-choice-repeated")]
public sealed class AnswerChoicesMustBeDistinct(int index, string key) : IBusinessRule
{
    public bool IsBroken() => true;

    public string Message => $"'{key}' is picked twice.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["key"] = key };

    public string? Field => $"answers[{index}].choices";
}

/// <summary>A SingleChoice answer picks exactly one key.</summary>
[RuleCode("survey-answer-single-choice")]
public sealed class SingleChoiceAnswerPicksOne(int index, int count) : IBusinessRule
{
    public bool IsBroken() => count != 1;

    public string Message => $"Pick exactly one choice ({count} picked).";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["count"] = count };

    public string? Field => $"answers[{index}].choices";
}

/// <summary>A text answer is at most its question's MaxLength characters, counted as the respondent counts them.</summary>
[RuleCode("survey-answer-text-too-long")]
public sealed class AnswerTextMustFit(int index, string text, int max) : IBusinessRule
{
    public bool IsBroken() => TextLength.Of(text) > max;

    public string Message => $"At most {max} characters ({TextLength.Of(text)} given).";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["max"] = max, ["length"] = TextLength.Of(text) };

    public string? Field => $"answers[{index}].text";
}

/// <summary>A required question is answered.</summary>
[RuleCode("survey-answer-required")]
public sealed class RequiredQuestionMustBeAnswered(SurveyQuestion question) : IBusinessRule
{
    public bool IsBroken() => true;

    public string Message => $"Question {question.Position} (\"{question.Text.En}\") is required.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?>
    {
        ["questionId"] = question.Id,
        ["position"] = question.Position,
        ["text"] = new Dictionary<string, string> { ["zh"] = question.Text.Zh, ["en"] = question.Text.En },
    };

    public string? Field => "answers";
}
