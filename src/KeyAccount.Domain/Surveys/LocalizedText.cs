using System.Globalization;

namespace KeyAccount.Domain.Surveys;

/// <summary>
/// A text a respondent reads, in both languages a survey is sent in (JSON <c>{ "zh": "…", "en": "…" }</c>). Question
/// texts, choice labels and scale labels each need both: an invitation in either language shows the whole survey.
/// </summary>
/// <param name="Zh">Simplified Chinese (invitations in <c>zh-CN</c>).</param>
/// <param name="En">English (invitations in <c>en</c>).</param>
public sealed record LocalizedText(string Zh, string En)
{
    /// <summary>The text in an invitation's language: <c>zh-CN</c> (or any <c>zh</c>) reads Chinese, anything else English.</summary>
    public string In(string language) =>
        language is not null && language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Zh : En;
}

/// <summary>
/// How long a text is as its reader counts it: user-perceived characters (extended grapheme clusters), so that 汉字
/// count one each, and an emoji or a letter with a combining accent counts one, not the two UTF-16 units .NET stores.
/// The one measure of every survey text limit (question texts, labels, text answers).
/// </summary>
public static class TextLength
{
    public static int Of(string? text) => string.IsNullOrEmpty(text) ? 0 : new StringInfo(text).LengthInTextElements;
}
