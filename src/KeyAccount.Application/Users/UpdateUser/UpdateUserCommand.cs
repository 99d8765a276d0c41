using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Users.Common;
using KeyAccount.Domain.Users;
using Mediator;

namespace KeyAccount.Application.Users.UpdateUser;

/// <summary>Changes a user's name, role, department, manager, headship and language (If-Match).</summary>
public sealed record UpdateUserCommand(UserId Id, UserFields User, uint ExpectedVersion) : ICommand<UserDto>;

public sealed class UpdateUserValidator : AbstractValidator<UpdateUserCommand>
{
    public UpdateUserValidator()
    {
        RuleFor(x => x.User).NotNull().SetValidator(new UserFieldsValidator()).OverridePropertyName(string.Empty);
    }
}

public sealed class UpdateUserHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<UpdateUserCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(UpdateUserCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var user = await db.LoadUserAsync(command.Id, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var otherAdmins = await db.OtherActiveAdminsAsync(user.Id, cancellationToken).ConfigureAwait(false);
        user.ChangeProfile(command.User.ToProfile(), otherAdmins);
        await db.AssignManagerAsync(user, command.User.ManagerId, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await db.ReadUserAsync(user.Id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }
}
