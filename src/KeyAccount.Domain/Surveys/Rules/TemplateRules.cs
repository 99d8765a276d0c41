using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Surveys;

/// <summary>Only a Draft is edited: a published version is frozen (revise it to change it), a retired one is history.</summary>
[RuleCode("survey-template-not-editable")]
public sealed class SurveyTemplateMustBeDraft(SurveyTemplateStatus status) : IBusinessRule
{
    public bool IsBroken() => status != SurveyTemplateStatus.Draft;

    public string Message => status == SurveyTemplateStatus.Published
        ? "A published template is not edited: revise it to make a new draft version."
        : $"A template in status {status} is not edited; only a Draft is.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["status"] = status.ToString() };
}

/// <summary>A step is taken only where <see cref="SurveyTemplateWorkflow"/> allows it (publish a Draft, revise a Published version).</summary>
[RuleCode("survey-template-transition-not-allowed")]
public sealed class SurveyTemplateTransitionMustBeAllowed(SurveyTemplateStatus from, SurveyTemplateAction action) : IBusinessRule
{
    public bool IsBroken() => !SurveyTemplateWorkflow.Allows(from, action);

    public string Message => $"A template in status {from} does not allow {action}; allowed from: {string.Join(", ", SurveyTemplateWorkflow.AllowedFrom(action))}.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?>
    {
        ["from"] = from.ToString(),
        ["action"] = action.ToString(),
        ["allowedFrom"] = SurveyTemplateWorkflow.AllowedFrom(action).Select(s => s.ToString()).ToArray(),
    };
}

/// <summary>A version has at most one Draft revision: its changes are made there (a second would fork the template).</summary>
[RuleCode("survey-template-revision-exists")]
public sealed class SurveyTemplateIsRevisedOnce(SurveyTemplateId? revisionId) : IBusinessRule
{
    public bool IsBroken() => revisionId is not null;

    public string Message => "This template version already has a newer version: open that one.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["revisionId"] = revisionId?.Value };
}

/// <summary>A published survey asks something: publishing needs at least one question.</summary>
[RuleCode("survey-template-without-questions")]
public sealed class SurveyTemplateMustHaveQuestions(int count) : IBusinessRule
{
    public bool IsBroken() => count < 1;

    public string Message => "A template is published with at least one question.";

    public string? Field => "questions";
}

/// <summary>A template holds at most <see cref="Max"/> questions (a survey customers finish).</summary>
[RuleCode("survey-template-too-many-questions")]
public sealed class SurveyTemplateQuestionsMustFit(int count) : IBusinessRule
{
    public const int Max = 50;

    public bool IsBroken() => count > Max;

    public string Message => $"A template holds at most {Max} questions; this one has {count}.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["max"] = Max, ["count"] = count };

    public string? Field => "questions";
}

/// <summary>A template's name is given and at most 200 characters; its description at most 2,000.</summary>
[RuleCode("survey-template-text-too-long")]
public sealed class SurveyTemplateTextMustFit(string path, string? text, int max) : IBusinessRule
{
    public const int NameMax = 200;
    public const int DescriptionMax = 2000;

    public bool IsBroken() => TextLength.Of(text) > max;

    public string Message => $"At most {max} characters ({TextLength.Of(text)} given).";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["max"] = max, ["length"] = TextLength.Of(text) };

    public string? Field => path;
}

/// <summary>A text the respondent reads is given in both languages (zh and en).</summary>
[RuleCode("localized-text-incomplete")]
public sealed class LocalizedTextMustHaveBothLanguages(string path, LocalizedText? text) : IBusinessRule
{
    private string Missing => text is null || string.IsNullOrWhiteSpace(text.Zh) ? "zh" : "en";

    public bool IsBroken() => text is null || string.IsNullOrWhiteSpace(text.Zh) || string.IsNullOrWhiteSpace(text.En);

    public string Message => text is null ? "Give the text in Chinese (zh) and English (en)." : $"Give the text in {(Missing == "zh" ? "Chinese (zh)" : "English (en)")} too.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["language"] = Missing };

    public string? Field => text is null ? path : $"{path}.{Missing}";
}

/// <summary>Each language of a text is at most <paramref name="max"/> characters (500 for a question, 200 for a choice label, 100 for a scale label).</summary>
[RuleCode("localized-text-too-long")]
public sealed class LocalizedTextMustFit(string path, LocalizedText? text, int max) : IBusinessRule
{
    private string? Over => text is null ? null : TextLength.Of(text.Zh) > max ? "zh" : TextLength.Of(text.En) > max ? "en" : null;

    public bool IsBroken() => Over is not null;

    public string Message => $"At most {max} characters in each language.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?>
    {
        ["max"] = max,
        ["length"] = Over is "zh" ? TextLength.Of(text!.Zh) : TextLength.Of(text?.En),
    };

    public string? Field => $"{path}.{Over ?? "zh"}";
}

/// <summary>Question ids are unique within a template (answers name their question by it).</summary>
[RuleCode("survey-question-duplicate-id")]
public sealed class SurveyQuestionIdMustBeUnique(string path, Guid id, bool duplicate) : IBusinessRule
{
    public bool IsBroken() => duplicate;

    public string Message => $"Question id {id} appears twice in this template.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["questionId"] = id };

    public string? Field => path;
}

/// <summary>Only a scale (Nps, Rating) has labels for its ends.</summary>
[RuleCode("survey-question-labels-not-allowed")]
public sealed class ScaleLabelsOnlyOnScales(string path, QuestionType type, LocalizedText? label) : IBusinessRule
{
    public bool IsBroken() => label is not null && type is not (QuestionType.Nps or QuestionType.Rating);

    public string Message => $"A {type} question has no scale labels; only Nps and Rating questions do.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["type"] = type.ToString() };

    public string? Field => path;
}

/// <summary>A choice question offers 2–20 choices; any other type offers none.</summary>
[RuleCode("survey-question-choices-invalid")]
public sealed class ChoicesMustSuitTheType(string path, QuestionType type, int count) : IBusinessRule
{
    private bool Offers => type is QuestionType.SingleChoice or QuestionType.MultiChoice;

    public bool IsBroken() => Offers ? count is < SurveyQuestion.MinChoices or > SurveyQuestion.MaxChoices : count > 0;

    public string Message => Offers
        ? $"A {type} question offers {SurveyQuestion.MinChoices} to {SurveyQuestion.MaxChoices} choices ({count} given)."
        : $"A {type} question offers no choices; only SingleChoice and MultiChoice questions do.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?>
    {
        ["type"] = type.ToString(),
        ["count"] = count,
        ["min"] = Offers ? SurveyQuestion.MinChoices : 0,
        ["max"] = Offers ? SurveyQuestion.MaxChoices : 0,
    };

    public string? Field => path;
}

/// <summary>A choice key is 1–40 of a–z, 0–9, '_' and '-' (answers and results store it).</summary>
[RuleCode("survey-choice-key-invalid")]
public sealed class ChoiceKeyMustBeWellFormed(string path, string? key) : IBusinessRule
{
    public static bool IsWellFormed(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= SurveyQuestion.ChoiceKeyMaxLength
        && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-');

    public bool IsBroken() => !IsWellFormed(key);

    public string Message => $"A choice key is 1 to {SurveyQuestion.ChoiceKeyMaxLength} characters of a–z, 0–9, '_' and '-'.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["max"] = SurveyQuestion.ChoiceKeyMaxLength };

    public string? Field => path;
}

/// <summary>A choice key appears once within its question.</summary>
[RuleCode("survey-choice-key-duplicate")]
public sealed class ChoiceKeyMustBeUnique(string path, string key, bool duplicate) : IBusinessRule
{
    public bool IsBroken() => duplicate;

    public string Message => $"The choice key '{key}' appears twice in this question.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["key"] = key };

    public string? Field => path;
}

/// <summary>Only a Text question has a longest answer, 1–4000 characters.</summary>
[RuleCode("survey-question-max-length-invalid")]
public sealed class MaxLengthMustSuitTheType(string path, QuestionType type, int? maxLength) : IBusinessRule
{
    public bool IsBroken() => type == QuestionType.Text
        ? maxLength is < 1 or > SurveyQuestion.LongestTextAnswer
        : maxLength is not null;

    public string Message => type == QuestionType.Text
        ? $"A text answer's longest length is 1 to {SurveyQuestion.LongestTextAnswer} characters."
        : $"A {type} question has no longest answer; only Text questions do.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["type"] = type.ToString(), ["min"] = 1, ["max"] = SurveyQuestion.LongestTextAnswer };

    public string? Field => path;
}
