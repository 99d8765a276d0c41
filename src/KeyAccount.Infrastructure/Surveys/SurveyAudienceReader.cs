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
        object[] parameters =
        [
            .. SurveyAudienceSql.Parameters(campaign.Audience, campaign.PerAccountCap, campaign.Id, now, options.Value.FatigueDays, options.Value.AccountInvitationLimit),
            new NpgsqlParameter("language", NpgsqlDbType.Text) { Value = campaign.DefaultLanguage },
        ];
        // Not composed (SingleAsync would wrap it in a sub-select, where a data-modifying WITH is not allowed).
        var row = (await db.Database.SqlQueryRaw<WriteRow>(SurveyAudienceSql.WriteStatement, parameters).ToListAsync(cancellationToken).ConfigureAwait(false)).Single();
        await StoreTokenHashesAsync(campaign.Id, cancellationToken).ConfigureAwait(false);
        return (row.Invited, row.Skipped);
    }

    /// <summary>Each new invitation's token hash, from its id and nonce by <see cref="InvitationToken"/> (the formula's one home).</summary>
    private async Task StoreTokenHashesAsync(SurveyCampaignId campaign, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQueryRaw<UnhashedRow>(SurveyAudienceSql.UnhashedStatement, new NpgsqlParameter("campaign", NpgsqlDbType.Uuid) { Value = campaign.Value })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return;
        }

        var ids = new Guid[rows.Count];
        var hashes = new byte[rows.Count][];
        for (var i = 0; i < rows.Count; i++)
        {
            ids[i] = rows[i].Id;
            hashes[i] = InvitationToken.Hash(InvitationToken.Create(new SurveyInvitationId(rows[i].Id), rows[i].Nonce, key.Value).Value);
        }

        await db.Database.ExecuteSqlRawAsync(
            SurveyAudienceSql.HashesStatement,
            [
                new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids },
                new NpgsqlParameter("hashes", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = hashes },
            ],
            cancellationToken).ConfigureAwait(false);
    }

    private sealed record CountRow(string? Reason, int Contacts, int Accounts);

    private sealed record SampleRow(Guid AccountId, string AccountName, Guid ContactId, string ContactName, string BuyingRole);

    private sealed record WriteRow(int Invited, int Skipped);

    private sealed record UnhashedRow(Guid Id, byte[] Nonce);
}
