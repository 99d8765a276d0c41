using FluentValidation;
using KeyAccount.Application.Accounts.Common;
using KeyAccount.Application.Accounts.GetAccountTeam;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Accounts.ReplaceAccountTeam;

public sealed record ReplaceAccountTeamCommand(AccountId AccountId, IReadOnlyList<AccountTeamMemberInput> Members, uint ExpectedVersion) : ICommand<AccountTeamDto>;

public sealed class ReplaceAccountTeamValidator : AbstractValidator<ReplaceAccountTeamCommand>
{
    public ReplaceAccountTeamValidator()
    {
        RuleFor(x => x.Members).NotNull().Must(m => m.Count <= 50).WithErrorCode(FieldErrorCodes.TooManyItems).WithMessage("A team has at most 50 members.")
            .WithState(_ => new Dictionary<string, object?> { ["max"] = 50 });
        RuleForEach(x => x.Members).ChildRules(m =>
        {
            m.RuleFor(x => x.Role).IsInEnum();
            m.RuleFor(x => x.UserId.Value).NotEmpty().OverridePropertyName("userId");
        });
        RuleFor(x => x.Members).Must(m => m.Select(x => x.UserId).Distinct().Count() == m.Count)
            .When(x => x.Members is not null).WithErrorCode(FieldErrorCodes.Duplicate).WithMessage("A user can appear only once on a team.");
    }
}

public sealed class ReplaceAccountTeamHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReplaceAccountTeamCommand, AccountTeamDto>
{
    private static readonly FieldError[] NotEligible = [new(FieldErrorCodes.UnknownReference, "Not an active user who can be on an account team.")];
    private static readonly Role[] TeamRoles = [Role.AccountManager, Role.Director, Role.ServiceAgent, Role.QualityManager];

    public async ValueTask<AccountTeamDto> Handle(ReplaceAccountTeamCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var account = await db.LoadForChangeAsync(command.AccountId, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        // A restricted caller (an AccountManager, or an API client bound to one) may change only the teams of the
        // accounts that manager owns, not of those they are merely on.
        if (AccountAccess.RestrictedTo(user) is { } restrictedTo && account.OwnerId != restrictedTo)
        {
            throw new ForbiddenException("Only the account's owner or a director can change its team.");
        }

        var ids = command.Members.Select(m => m.UserId).ToList();
        var eligible = await db.Users.Where(u => ids.Contains(u.Id) && u.IsActive && TeamRoles.Contains(u.Role)).Select(u => u.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var errors = command.Members
            .Select((m, i) => (m, i))
            .Where(x => !eligible.Contains(x.m.UserId))
            .ToDictionary(x => $"members[{x.i}].userId", _ => (IReadOnlyList<FieldError>)NotEligible);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        account.ReplaceTeam([.. command.Members.Select(m => new AccountTeamMember(m.UserId, m.Role))], clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await TeamReader.ReadAsync(db, account, cancellationToken).ConfigureAwait(false);
    }
}
