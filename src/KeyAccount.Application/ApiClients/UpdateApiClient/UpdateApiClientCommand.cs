using FluentValidation;
using KeyAccount.Application.ApiClients.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.ApiClients;
using Mediator;

namespace KeyAccount.Application.ApiClients.UpdateApiClient;

/// <summary>Changes a client's name, scopes, expiry and request budget under its version.</summary>
public sealed record UpdateApiClientCommand(ApiClientId Id, UpdateApiClientInput Client, uint ExpectedVersion) : ICommand<ApiClientDto>;

public sealed class UpdateApiClientValidator : AbstractValidator<UpdateApiClientCommand>
{
    public UpdateApiClientValidator()
    {
        RuleFor(x => x.Client).NotNull().SetValidator(new UpdateApiClientInputValidator()).OverridePropertyName(string.Empty);
    }
}

public sealed class UpdateApiClientInputValidator : AbstractValidator<UpdateApiClientInput>
{
    public UpdateApiClientInputValidator()
    {
        RuleFor(x => x.Name).Name();
        this.Scopes(x => x.Scopes);
        RuleFor(x => x.RequestsPerMinute).RequestsPerMinute();
    }
}

public sealed class UpdateApiClientHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<UpdateApiClientCommand, ApiClientDto>
{
    public async ValueTask<ApiClientDto> Handle(UpdateApiClientCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var input = command.Client;
        var now = clock.GetUtcNow();
        ApiClientFieldRules.EnsureFutureExpiry(input.ExpiresAt, now);

        var client = await db.LoadApiClientAsync(command.Id, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        client.Update(input.Name, input.Scopes, input.ExpiresAt, input.RequestsPerMinute, now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ApiClientDto.From(client, now);
    }
}
