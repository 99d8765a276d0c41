using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.ApiClients;
using KeyAccount.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.ApiClients.Common;

internal static class ApiClientLoading
{
    public static async Task<ApiClient> LoadApiClientAsync(this IAppDbContext db, ApiClientId id, uint? expectedVersion, CancellationToken cancellationToken)
    {
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("ApiClient", id.Value);
        if (expectedVersion is { } version)
        {
            db.ExpectVersion(client, version);
        }

        return client;
    }
}
