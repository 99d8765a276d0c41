using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Users.Common;
using KeyAccount.Domain.Users;
using Mediator;

namespace KeyAccount.Application.Users.CreateUser;

/// <summary>A new user: their fields, and either an initial password or a set-password link sent by email (exactly one).</summary>
public sealed record CreateUserCommand : UserFields, ICommand<UserDto>
{
    /// <summary>Email, the sign-in name (unique, any case; stored in lower case).</summary>
    /// <example>li.na@example.cn</example>
    [MaxLength(254)]
    public required string Email { get; init; }

    /// <summary>An initial password (12–256 characters, not the email). Give this or <c>sendSetPasswordLink</c>, not both.</summary>
    /// <example>Spring-Harbour-2026</example>
    [MaxLength(PasswordPolicy.MaxLength)]
    public string? Password { get; init; }

    /// <summary>True: email the user a one-time link (valid 72 hours) to set their own password; until then no password signs them in.</summary>
    /// <example>true</example>
    public bool SendSetPasswordLink { get; init; }
}

public sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserValidator()
    {
        Include(new UserFieldsValidator());
        RuleFor(x => x.Email).NotEmpty().MaximumLength(254).EmailAddress().WithErrorCode(FieldErrorCodes.InvalidEmail);
        RuleFor(x => x.Password).ValidPassword(x => x.Email);
        RuleFor(x => x.Password).Null().When(x => x.SendSetPasswordLink).WithErrorCode(FieldErrorCodes.Conflicting)
            .WithMessage("Give a password or ask for a set-password link, not both.").WithState(_ => new Dictionary<string, object?> { ["other"] = "sendSetPasswordLink" });
        RuleFor(x => x.Password).NotEmpty().When(x => !x.SendSetPasswordLink)
            .WithMessage("Give a password, or set sendSetPasswordLink to email the user a link.");
    }
}

public sealed class CreateUserHandler(IAppDbContext db, IPasswordHasher hasher, IMailOutbox mail, IPublicLinks links, TimeProvider clock) : ICommandHandler<CreateUserCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        var hash = command.Password is { } password ? hasher.Hash(password) : User.UnusablePasswordHash();
        var user = User.Create(command.Email, hash, command.ToProfile(), now);
        await db.AssignManagerAsync(user, command.ManagerId, cancellationToken).ConfigureAwait(false);
        db.Users.Add(user);
        if (command.SendSetPasswordLink)
        {
            await db.SendSetPasswordLinkAsync(user, links, mail, now, cancellationToken).ConfigureAwait(false);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await db.ReadUserAsync(user.Id, now, cancellationToken).ConfigureAwait(false);
    }
}
