namespace KeyAccount.Domain.Surveys;

/// <summary>The kind of a question, which fixes what an answer to it is.</summary>
public enum QuestionType
{
    /// <summary>Net Promoter Score: an integer 0–10.</summary>
    Nps,

    /// <summary>A rating: an integer 1–5.</summary>
    Rating,

    /// <summary>Exactly one of the offered choices.</summary>
    SingleChoice,

    /// <summary>Any number of distinct offered choices.</summary>
    MultiChoice,

    /// <summary>Free text, up to the question's <see cref="SurveyQuestion.MaxLength"/> characters.</summary>
    Text,
}

/// <summary>One option of a choice question: a stable key (what answers store) and its label.</summary>
/// <param name="Key">a–z, 0–9, '_' and '-', at most 40 characters, unique within its question.</param>
/// <param name="Label">What the respondent reads (each language at most 200 characters).</param>
public sealed record SurveyChoice(string Key, LocalizedText Label);

/// <summary>
/// One question of a template (stored with it, as part of its document). Its <see cref="Id"/> is kept when a template
/// is revised, so that answers to the same question compare across versions.
/// </summary>
/// <param name="Id">Stable across versions when copied.</param>
/// <param name="Position">1, 2, … in the order the respondent sees.</param>
/// <param name="Type">What an answer is.</param>
/// <param name="Required">Whether a response must answer it.</param>
/// <param name="Text">The question (each language at most 500 characters).</param>
/// <param name="LowLabel">What the lowest value means (Nps and Rating only; each language at most 100 characters).</param>
/// <param name="HighLabel">What the highest value means (Nps and Rating only).</param>
/// <param name="Choices">The options (SingleChoice and MultiChoice only, 2–20).</param>
/// <param name="MaxLength">The longest answer, in characters (Text only, 1–4000).</param>
public sealed record SurveyQuestion(
    Guid Id,
    int Position,
    QuestionType Type,
    bool Required,
    LocalizedText Text,
    LocalizedText? LowLabel = null,
    LocalizedText? HighLabel = null,
    IReadOnlyList<SurveyChoice>? Choices = null,
    int? MaxLength = null)
{
    public const int TextMaxLength = 500;
    public const int ChoiceLabelMaxLength = 200;
    public const int ScaleLabelMaxLength = 100;
    public const int ChoiceKeyMaxLength = 40;
    public const int MinChoices = 2;
    public const int MaxChoices = 20;
    public const int DefaultTextAnswerLength = 2000;
    public const int LongestTextAnswer = 4000;

    /// <summary>The lowest and highest number an Nps or Rating answer may give; null for other types.</summary>
    public (int Min, int Max)? Scale => Type switch
    {
        QuestionType.Nps => (0, 10),
        QuestionType.Rating => (1, 5),
        _ => null,
    };

    public bool HasChoices => Type is QuestionType.SingleChoice or QuestionType.MultiChoice;

    /// <summary>The longest text answer this question takes (its own, or the default).</summary>
    public int TextAnswerLimit => MaxLength ?? DefaultTextAnswerLength;
}
