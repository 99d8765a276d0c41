using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Accounts.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.Accounts;
using Mediator;

namespace KeyAccount.Application.Tiering.SetTierOverride;

/// <summary>A Director's pinned tier.</summary>
/// <param name="Tier">The tier to pin.</param>
/// <param name="Reason" example="Strategic partner under the 2027 framework agreement">Why (required, at most 500 characters).</param>
/// <param name="ExpiresOn">Runs respect the pin until this date (exclusive; must be after today).</param>
public sealed record TierOverrideInput(Tier Tier, [property: MaxLength(500)] string Reason, DateOnly ExpiresOn);

public sealed record SetTierOverrideCommand(AccountId AccountId, TierOverrideInput? Override, uint ExpectedVersion) : ICommand;

public sealed class SetTierOverrideValidator : AbstractValidator<SetTierOverrideCommand>
{
    public SetTierOverrideValidator()
    {
        When(x => x.Override is not null, () =>
        {
            RuleFor(x => x.Override!.Tier).IsInEnum().OverridePropertyName("tier");
            RuleFor(x => x.Override!.Reason).NotEmpty().MaximumLength(500).OverridePropertyName("reason");
        });
    }
}

public sealed class SetTierOverrideHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SetTierOverrideCommand>
{
    public async ValueTask<Unit> Handle(SetTierOverrideCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var account = await db.LoadForChangeAsync(command.AccountId, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        if (command.Override is { } pin)
        {
            account.PinTier(pin.Tier, pin.Reason, pin.ExpiresOn, user.UserId ?? throw new ForbiddenException("Sign in to pin a tier."), now);
        }
        else
        {
            account.ClearTierOverride(now);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Unit.Value;
    }
}
