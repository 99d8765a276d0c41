using System.ComponentModel.DataAnnotations;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Surveys;

namespace KeyAccount.Infrastructure.Surveys;

/// <summary>The <c>Surveys</c> section: the fatigue rules' figures, the invitation token's key, and how the campaign job queues mail.</summary>
public sealed class SurveyOptions
{
    public const string Section = "Surveys";

    /// <summary>A contact invited (a Regular invitation) within this many days is not invited again; the account limit counts in the same window.</summary>
    [Range(1, 3650)]
    public int FatigueDays { get; set; } = 90;

    /// <summary>An account receives at most this many Regular invitations within <see cref="FatigueDays"/>.</summary>
    [Range(1, 10_000)]
    public int AccountInvitationLimit { get; set; } = 10;

    /// <summary>How many working hours (of the SLA policy's business calendar) the account owner has to follow up a detractor or a low rating.</summary>
    [Range(1, 720)]
    public int FollowUpHours { get; set; } = 48;

    /// <summary>Invitations claimed per round (one short transaction each) when the campaign job queues invitation mail or reminders.</summary>
    [Range(1, 10_000)]
    public int MailBatch { get; set; } = 500;

    /// <summary>Seconds one firing of the campaign job spends queuing mail (then the next firing, a minute later, goes on).</summary>
    [Range(1, 600)]
    public int MailBudgetSeconds { get; set; } = 20;

    /// <summary>The HMAC key of invitation tokens (base64 or plain text, at least 32 bytes); derived from <c>Auth:SigningKey</c> when absent.</summary>
    public string? TokenKey { get; set; }

    /// <summary>
    /// The weight of each buying role in the weighted NPS (<c>Surveys:RoleWeights:DecisionMaker</c> = 3, …); a role not
    /// configured keeps <see cref="SurveyScores.DefaultRoleWeights"/>'s. Weights are ≥ 0.
    /// </summary>
    public Dictionary<BuyingRole, decimal> RoleWeights { get; set; } = new(SurveyScores.DefaultRoleWeights);

    /// <summary>Every buying role with its weight (configured, else the default), negative ones refused.</summary>
    public IReadOnlyDictionary<BuyingRole, decimal> EffectiveRoleWeights()
    {
        var weights = Enum.GetValues<BuyingRole>().ToDictionary(
            r => r,
            r => RoleWeights.TryGetValue(r, out var w) ? w : SurveyScores.DefaultRoleWeights.GetValueOrDefault(r, 1m));
        return weights.Values.Any(w => w < 0)
            ? throw new InvalidOperationException("Surveys:RoleWeights must not be negative.")
            : weights;
    }
}
