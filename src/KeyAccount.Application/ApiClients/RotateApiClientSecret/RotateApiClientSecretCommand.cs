using FluentValidation;
using KeyAccount.Application.ApiClients.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.ApiClients;
using Mediator;

namespace KeyAccount.Application.ApiClients.RotateApiClientSecret;

/// <summary>A new secret, shown once; the previous one keeps working for the overlap window (default 24 h), then stops.</summary>
public sealed record RotateApiClientSecretCommand(ApiClientId Id, int? OverlapHours, uint ExpectedVersion) : ICommand<ApiClientSecretDto>;

public sealed class RotateApiClientSecretValidator : AbstractValidator<RotateApiClientSecretCommand>
{
    public RotateApiClientSecretValidator()
    {
        RuleFor(x => x.OverlapHours).InclusiveBetween(0, ApiClient.MaxOverlapHours).OverridePropertyName("overlapHours");
    }
}

public sealed class RotateApiClientSecretHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<RotateApiClientSecretCommand, ApiClientSecretDto>
{
    public async ValueTask<ApiClientSecretDto> Handle(RotateApiClientSecretCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        var client = await db.LoadApiClientAsync(command.Id, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var overlap = command.OverlapHours is { } hours ? TimeSpan.FromHours(hours) : ApiClient.DefaultSecretOverlap;
        var secret = client.RotateSecret(overlap, now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new ApiClientSecretDto(ApiClientDto.From(client, now), client.Id.Value.ToString(), secret);
    }
}
