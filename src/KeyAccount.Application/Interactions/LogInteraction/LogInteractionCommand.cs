using FluentValidation;
using KeyAccount.Application.Accounts.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Interactions.Common;
using KeyAccount.Domain.Accounts;
using Mediator;

namespace KeyAccount.Application.Interactions.LogInteraction;

public sealed record LogInteractionCommand(AccountId AccountId, InteractionInput Interaction) : ICommand<InteractionDto>;

public sealed class LogInteractionValidator : AbstractValidator<LogInteractionCommand>
{
    public LogInteractionValidator(TimeProvider clock) =>
        RuleFor(x => x.Interaction).NotNull().SetValidator(new InteractionInputValidator(clock)).OverridePropertyName(string.Empty);
}

public sealed class LogInteractionHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<LogInteractionCommand, InteractionDto>
{
    public async ValueTask<InteractionDto> Handle(LogInteractionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var account = await db.LoadForChangeAsync(command.AccountId, user, expectedVersion: null, cancellationToken).ConfigureAwait(false);
        var me = user.UserId ?? throw new ForbiddenException("Only a signed-in user can log interactions.");
        var interaction = account.LogInteraction(command.Interaction.ToDetails(), me, clock.GetUtcNow());
        db.Interactions.Add(interaction);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return interaction.ToDto();
    }
}
