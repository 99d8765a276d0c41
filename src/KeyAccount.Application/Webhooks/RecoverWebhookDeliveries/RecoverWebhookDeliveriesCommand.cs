using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Webhooks.Common;
using KeyAccount.Domain.Webhooks;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Webhooks.RecoverWebhookDeliveries;

/// <summary>After an outage: every delivery to the endpoint that failed for good (dead) since an instant is sent again now.</summary>
/// <param name="Id">The endpoint.</param>
/// <param name="Since">Deliveries queued from this instant on (at most 30 days ago).</param>
public sealed record RecoverWebhookDeliveriesCommand(WebhookEndpointId Id, DateTimeOffset Since) : ICommand<WebhookRecoveryDto>;

/// <summary>What a recovery queued again.</summary>
/// <param name="Replayed" example="42">Dead deliveries queued to be sent again now.</param>
public sealed record WebhookRecoveryDto(int Replayed);

public sealed class RecoverWebhookDeliveriesValidator : AbstractValidator<RecoverWebhookDeliveriesCommand>
{
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(30);

    public RecoverWebhookDeliveriesValidator(TimeProvider clock)
    {
        RuleFor(x => x.Since).Must(s => s >= clock.GetUtcNow() - MaxWindow && s <= clock.GetUtcNow())
            .WithErrorCode(FieldErrorCodes.DateOutOfRange).WithMessage("since must be within the last 30 days and not in the future.");
    }
}

public sealed class RecoverWebhookDeliveriesHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<RecoverWebhookDeliveriesCommand, WebhookRecoveryDto>
{
    /// <summary>A recovery is bounded: more than this in one call is done by calling again with a later <c>since</c>.</summary>
    public const int MaxPerCall = 10_000;

    public async ValueTask<WebhookRecoveryDto> Handle(RecoverWebhookDeliveriesCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        _ = await db.LoadEndpointAsync(command.Id, expectedVersion: null, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var dead = await db.WebhookDeliveries
            .Where(d => d.EndpointId == command.Id && d.Status == WebhookDeliveryStatus.Dead && d.CreatedAt >= command.Since)
            .OrderBy(d => d.CreatedAt).Take(MaxPerCall)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var delivery in dead)
        {
            delivery.Replay(now);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new WebhookRecoveryDto(dead.Count);
    }
}
