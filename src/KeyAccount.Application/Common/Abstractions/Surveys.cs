using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Surveys;

namespace KeyAccount.Application.Common.Abstractions;

/// <summary>
/// What campaigns need to know about templates: whether a version is Published (not a draft, not retired, not
/// unknown). Infrastructure reads <c>survey_templates</c>; campaigns never load the template aggregate.
/// </summary>
public interface ISurveyTemplateCatalog
{
    Task<bool> IsPublishedAsync(SurveyTemplateId templateId, CancellationToken cancellationToken);
}

/// <summary>
/// The audience and fatigue rules, set-based in SQL (their one home): the preview reads what opening would write, and
/// opening writes it — one invitation per selected contact and one skip per contact left out.
/// </summary>
public interface ISurveyAudience
{
    /// <summary>
    /// Who <paramref name="audience"/> with <paramref name="perAccountCap"/> would invite at <paramref name="now"/>, the
    /// skips by reason and a sample of the invited (the first <paramref name="sampleSize"/> by account name, then
    /// priority). <paramref name="campaignId"/>: the campaign previewed, whose own invitations do not count as fatigue.
    /// </summary>
    Task<AudiencePreviewDto> PreviewAsync(Audience audience, int perAccountCap, SurveyCampaignId? campaignId, DateTimeOffset now, int sampleSize, CancellationToken cancellationToken);

    /// <summary>Writes the invitations (Pending, with their token nonce and hash) and the skips of <paramref name="campaign"/> in the caller's transaction; returns their counts.</summary>
    Task<(int Invited, int Skipped)> WriteInvitationsAsync(SurveyCampaign campaign, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Who a campaign would invite now: the same SQL as opening, without writing.</summary>
/// <param name="Accounts" example="42">Accounts with at least one contact invited.</param>
/// <param name="Contacts" example="117">Contacts invited.</param>
/// <param name="Skipped">Contacts of the audience left out, by reason (reasons with none are absent).</param>
/// <param name="Sample">The first invited contacts, by account name and buying-role priority.</param>
public sealed record AudiencePreviewDto(int Accounts, int Contacts, IReadOnlyList<AudienceSkipCountDto> Skipped, IReadOnlyList<AudienceSampleDto> Sample);

/// <summary>How many contacts a reason leaves out.</summary>
/// <param name="Reason">Why they are left out.</param>
/// <param name="Count" example="6">How many.</param>
public sealed record AudienceSkipCountDto(SkipReason Reason, int Count);

/// <summary>One contact the campaign would invite.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="AccountName" example="华东精密制造有限公司">The account's name.</param>
/// <param name="ContactId">The contact.</param>
/// <param name="ContactName" example="王芳">The contact's name.</param>
/// <param name="BuyingRole">The contact's buying role.</param>
public sealed record AudienceSampleDto(AccountId AccountId, string AccountName, ContactId ContactId, string ContactName, BuyingRole BuyingRole);

/// <summary>
/// The account's satisfaction as tiering, health and the account metrics read it (table <c>account_satisfaction</c>:
/// the latest campaign in which the account has a response, its NPS, weighted NPS, respondents and CSAT). Its only
/// writer: recording a response calls it in the same transaction. The figures are counted in SQL from the stored
/// groups and computed by <see cref="SurveyScores"/>.
/// </summary>
public interface ISatisfactionRefresh
{
    Task RefreshAsync(AccountId account, SurveyCampaignId campaign, CancellationToken cancellationToken);
}
