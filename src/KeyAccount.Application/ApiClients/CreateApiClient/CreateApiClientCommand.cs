using FluentValidation;
using KeyAccount.Application.ApiClients.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.ApiClients;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.ApiClients.CreateApiClient;

/// <summary>Registers a third-party system; answers with its client id and secret, the secret shown this once.</summary>
public sealed record CreateApiClientCommand(CreateApiClientInput Client) : ICommand<ApiClientSecretDto>;

public sealed class CreateApiClientValidator : AbstractValidator<CreateApiClientCommand>
{
    public CreateApiClientValidator()
    {
        RuleFor(x => x.Client).NotNull().SetValidator(new CreateApiClientInputValidator()).OverridePropertyName(string.Empty);
    }
}

public sealed class CreateApiClientInputValidator : AbstractValidator<CreateApiClientInput>
{
    public CreateApiClientInputValidator()
    {
        RuleFor(x => x.Name).Name();
        this.Scopes(x => x.Scopes);
        RuleFor(x => x.RequestsPerMinute).RequestsPerMinute();
    }
}

public sealed class CreateApiClientHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<CreateApiClientCommand, ApiClientSecretDto>
{
    public async ValueTask<ApiClientSecretDto> Handle(CreateApiClientCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var input = command.Client;
        var now = clock.GetUtcNow();
        ApiClientFieldRules.EnsureFutureExpiry(input.ExpiresAt, now);

        if (input.AccountScopeUserId is { } bound
            && !await db.Users.AnyAsync(u => u.Id == bound && u.IsActive && u.Role == Role.AccountManager, cancellationToken).ConfigureAwait(false))
        {
            throw RequestValidationException.For("accountScopeUserId", FieldErrorCodes.UnknownReference, "Must be an active account manager.");
        }

        var (client, secret) = ApiClient.Create(input.Name, input.Scopes, input.AccountScopeUserId, input.ExpiresAt, input.RequestsPerMinute, now);
        db.ApiClients.Add(client);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new ApiClientSecretDto(ApiClientDto.From(client, now), client.Id.Value.ToString(), secret);
    }
}
