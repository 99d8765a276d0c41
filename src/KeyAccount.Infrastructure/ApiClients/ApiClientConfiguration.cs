using KeyAccount.Domain.ApiClients;
using KeyAccount.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeyAccount.Infrastructure.ApiClients;

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.ToTable("api_clients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Version).IsRowVersion();
        builder.Property(c => c.Name).HasMaxLength(ApiClient.MaxNameLength);
        builder.Property<List<string>>("_scopes").HasColumnName("scopes");
        builder.Ignore(c => c.Scopes);

        // Hex SHA-256: 64 characters.
        builder.Property(c => c.SecretHash).HasMaxLength(64);
        builder.Property(c => c.PreviousSecretHash).HasMaxLength(64);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.AccountScopeUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.DomainEvents);
    }
}
