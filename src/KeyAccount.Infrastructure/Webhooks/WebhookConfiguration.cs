using KeyAccount.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeyAccount.Infrastructure.Webhooks;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("webhook_endpoints");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Version).IsRowVersion();
        builder.Property(e => e.Url).HasMaxLength(WebhookEndpoint.MaxUrlLength);
        builder.Property(e => e.Description).HasMaxLength(WebhookEndpoint.MaxDescriptionLength);
        builder.Property<List<string>>("_eventTypes").HasColumnName("event_types");
        builder.Ignore(e => e.EventTypes);
        builder.Property(e => e.Secret).HasMaxLength(100);
        builder.Property(e => e.PreviousSecret).HasMaxLength(100);
        builder.Property(e => e.DisabledReason).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(e => e.DomainEvents);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.MessageId).HasMaxLength(40);
        builder.Property(d => d.EventType).HasMaxLength(100);
        builder.Property(d => d.Body).HasColumnType("text");
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.LastError).HasMaxLength(WebhookDelivery.MaxErrorLength);
        builder.Property<DateTimeOffset?>(WebhookDeliveryColumns.LockedUntil);
        // The dispatcher's claim: pending deliveries by due instant.
        builder.HasIndex(d => d.NextAttemptAt).HasFilter("status = 'Pending'").HasDatabaseName("ix_webhook_deliveries_due");
        // The delivery log of an endpoint, newest first.
        builder.HasIndex(d => new { d.EndpointId, d.CreatedAt });
    }
}
