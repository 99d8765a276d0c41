using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Surveys;
using KeyAccount.Infrastructure.Persistence;
using KeyAccount.Infrastructure.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace KeyAccount.Infrastructure.Surveys;

/// <summary>The preview and the opening of a campaign, both from <see cref="SurveyAudienceSql.AudienceCte"/>.</summary>
internal sealed class SurveyAudienceReader(AppDbContext db, IOptions<SurveyOptions> options, SurveyTokenKey key) : ISurveyAudience
{
    public async Task<AudiencePreviewDto> PreviewAsync(Audience audience, int perAccountCap, SurveyCampaignId? campaignId, DateTimeOffset now, int sampleSize, CancellationToken cancellationToken)
    {
        object[] Parameters() => SurveyAudienceSql.Parameters(audience, perAccountCap, campaignId, now, options.Value.FatigueDays, options.Value.AccountInvitationLimit);
        var counts = await db.Database.SqlQueryRaw<CountRow>(SurveyAudienceSql.CountsStatement, Parameters()).ToListAsync(cancellationToken).ConfigureAwait(false);
        var sample = await db.Database.SqlQueryRaw<SampleRow>(SurveyAudienceSql.SampleStatement, [.. Parameters(), new NpgsqlParameter("sample", NpgsqlDbType.Integer) { Value = sampleSize }])
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var invited = counts.FirstOrDefault(c => c.Reason is null);
        var skipped = counts.Where(c => c.Reason is not null)
            .Select(c => new AudienceSkipCountDto(Enum.Parse<SkipReason>(c.Reason!), c.Contacts))
            .OrderBy(c => c.Reason)
            .ToList();
        return new AudiencePreviewDto(
            invited?.Accounts ?? 0,
            invited?.Contacts ?? 0,
            skipped,
            [.. sample.Select(s => new AudienceSampleDto(new AccountId(s.AccountId), s.AccountName, new ContactId(s.ContactId), s.ContactName, Enum.Parse<BuyingRole>(s.BuyingRole)))]);
    }

    public async Task<(int Invited, int Skipped)> WriteInvitationsAsync(SurveyCampaign campaign, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Opening a campaign writes its invitations inside the command's transaction.");
        }

        await db.Database.ExecuteSqlRawAsync(SurveyAudienceSql.SerializeOpenings, cancellationToken).ConfigureAwait(false);
        // The audience of a large campaign is ranked in one sort (100,000 contacts: ~20 MB): in memory, not on disk.
        await db.Database.ExecuteSqlRawAsync("SET LOCAL work_mem = '64MB'", cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync(
            SurveyAudienceSql.AudienceTableStatement,
            SurveyAudienceSql.Parameters(campaign.Audience, campaign.PerAccountCap, campaign.Id, now, options.Value.FatigueDays, options.Value.AccountInvitationLimit),
            cancellationToken).ConfigureAwait(false);
        // Not composed (Single would wrap it in a sub-select, where a data-modifying WITH is not allowed).
        var skipped = (await db.Database.SqlQueryRaw<int>(
                SurveyAudienceSql.SkipsStatement,
                new NpgsqlParameter("campaign", NpgsqlDbType.Uuid) { Value = campaign.Id.Value },
                new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now.ToUniversalTime() })
            .ToListAsync(cancellationToken).ConfigureAwait(false)).Single();
        var invitees = await db.Database.SqlQueryRaw<InviteeRow>(SurveyAudienceSql.InviteesStatement).ToListAsync(cancellationToken).ConfigureAwait(false);
        await CopyInvitationsAsync(campaign, invitees, now, cancellationToken).ConfigureAwait(false);
        return (invitees.Count, skipped);
    }

    /// <summary>
    /// Each contact to invite as the domain issues it (<see cref="SurveyInvitation.Issue"/>: id, nonce and token hash, by
    /// <see cref="InvitationToken"/>, the formula's one home), copied in binary: one write per invitation.
    /// </summary>
    private async Task CopyInvitationsAsync(SurveyCampaign campaign, List<InviteeRow> invitees, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (invitees.Count == 0)
        {
            return;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var createdAt = now.ToUniversalTime();
        await using var copy = await connection.BeginBinaryImportAsync(SurveyAudienceSql.InvitationsCopy, cancellationToken).ConfigureAwait(false);
        foreach (var row in invitees)
        {
            var invitation = SurveyInvitation.Issue(
                campaign.Id, new AccountId(row.AccountId), new ContactId(row.ContactId), row.Email, campaign.DefaultLanguage, Enum.Parse<BuyingRole>(row.BuyingRole),
                SurveyInvitationChannel.Email, SurveyInvitationKind.Regular, key.Value, createdAt);
            await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(invitation.Id.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(invitation.CampaignId.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(invitation.AccountId.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(invitation.ContactId.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(invitation.Email, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(invitation.Language, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(invitation.BuyingRole.ToString(), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(invitation.TokenNonce!, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(invitation.TokenHash!, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(invitation.Status.ToString(), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(invitation.Channel.ToString(), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(invitation.Kind.ToString(), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(invitation.Attempts, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(invitation.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed record CountRow(string? Reason, int Contacts, int Accounts);

    private sealed record SampleRow(Guid AccountId, string AccountName, Guid ContactId, string ContactName, string BuyingRole);

    private sealed record InviteeRow(Guid AccountId, Guid ContactId, string Email, string BuyingRole);
}
