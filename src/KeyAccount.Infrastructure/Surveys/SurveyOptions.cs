using System.ComponentModel.DataAnnotations;

namespace KeyAccount.Infrastructure.Surveys;

/// <summary>The <c>Surveys</c> section: the fatigue rules' figures and the invitation token's key.</summary>
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

    /// <summary>The HMAC key of invitation tokens (base64 or plain text, at least 32 bytes); derived from <c>Auth:SigningKey</c> when absent.</summary>
    public string? TokenKey { get; set; }
}
