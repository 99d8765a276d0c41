using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Webhooks.Common;

/// <summary>
/// Where a delivery may go (the SSRF guard): HTTPS to a host that resolves only to public addresses — no loopback,
/// private, link-local, unique-local or cloud-metadata target — unless <c>Webhooks__AllowPrivateTargets=true</c>
/// (development and tests) lifts both. Checked when an endpoint is saved and again when each connection is made
/// (a name may resolve elsewhere later).
/// </summary>
public interface IWebhookTargetGuard
{
    /// <summary>Why deliveries may not go to <paramref name="url"/> (a field-error code and an English line), or null when they may.</summary>
    Task<(string Code, string Message)?> RefuseAsync(Uri url, CancellationToken cancellationToken);
}

/// <summary>The shape of an endpoint's fields (shared by create and update) and the checks that need the network or the database.</summary>
public sealed class WebhookEndpointInputValidator : AbstractValidator<WebhookEndpointInput>
{
    public const int MaxEventTypes = 50;

    public WebhookEndpointInputValidator()
    {
        RuleFor(x => x.Url).NotEmpty().MaximumLength(WebhookEndpoint.MaxUrlLength)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && string.IsNullOrEmpty(uri.UserInfo))
            .WithErrorCode(FieldErrorCodes.InvalidFormat).WithMessage("Must be an absolute https:// URL without user information.");
        RuleFor(x => x.EventTypes).NotEmpty().Must(t => t is null || t.Count <= MaxEventTypes).WithErrorCode(FieldErrorCodes.TooManyItems)
            .WithMessage($"At most {MaxEventTypes} event types.");
        RuleForEach(x => x.EventTypes).Must(t => PublicEvents.Names.Contains(t)).WithErrorCode(FieldErrorCodes.InvalidValue)
            .WithMessage(t => $"Not an event type of the catalogue; one of: {string.Join(", ", PublicEvents.Names.Order(StringComparer.Ordinal))}.");
        RuleFor(x => x.Description).MaximumLength(WebhookEndpoint.MaxDescriptionLength);
    }
}

internal static class WebhookEndpointAccess
{
    public static async Task<Uri> CheckTargetAsync(this IWebhookTargetGuard guard, string url, CancellationToken cancellationToken)
    {
        var uri = new Uri(url, UriKind.Absolute);
        if (await guard.RefuseAsync(uri, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            throw RequestValidationException.For("url", refusal.Code, refusal.Message);
        }

        return uri;
    }

    public static async Task<WebhookEndpoint> LoadEndpointAsync(this IAppDbContext db, WebhookEndpointId id, uint? expectedVersion, CancellationToken cancellationToken)
    {
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("WebhookEndpoint", id.Value);
        if (expectedVersion is { } version)
        {
            db.ExpectVersion(endpoint, version);
        }

        return endpoint;
    }
}
