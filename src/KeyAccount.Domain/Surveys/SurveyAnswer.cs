namespace KeyAccount.Domain.Surveys;

/// <summary>
/// One answer of a response, as the public page or an agent recording by phone sends it: the question it answers and
/// the one value its type takes (a number for Nps and Rating, choice keys for choice questions, text for Text).
/// </summary>
/// <param name="QuestionId">The question's id (stable across template versions).</param>
/// <param name="Number">Nps 0–10, Rating 1–5.</param>
/// <param name="Choices">Keys of offered choices: exactly one for SingleChoice, distinct ones for MultiChoice.</param>
/// <param name="Text">Free text, at most the question's MaxLength characters.</param>
public sealed record SurveyAnswer(Guid QuestionId, int? Number = null, IReadOnlyList<string>? Choices = null, string? Text = null)
{
    /// <summary>Whether it carries any value at all (a blank text or an empty choice list is none).</summary>
    public bool IsEmpty => Number is null && (Choices is null || Choices.Count == 0) && string.IsNullOrWhiteSpace(Text);
}
