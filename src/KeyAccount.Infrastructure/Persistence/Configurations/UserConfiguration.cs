using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Reminders;
using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeyAccount.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Version).IsRowVersion();
        builder.Property(u => u.Email).HasMaxLength(254);
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.PasswordHash).HasMaxLength(500);
        builder.HasIndex(u => u.Email).IsUnique().HasDatabaseName(UniqueConstraints.UserEmail);
        builder.Property(u => u.Language).HasMaxLength(10).HasDefaultValue(UserLanguages.Default);
        builder.HasOne<User>().WithMany().HasForeignKey(u => u.ManagerId).OnDelete(DeleteBehavior.Restrict);
        // At most one active head per department, decided by the database so that two Admins saving at once cannot
        // both win; a deactivated head keeps the flag (for the record) without blocking a successor.
        builder.HasIndex(u => u.Department).IsUnique().HasFilter("is_department_head AND is_active")
            .HasDatabaseName(UniqueConstraints.UserDepartmentHead);
        builder.Ignore(u => u.DomainEvents);
        builder.Ignore(u => u.HasUsablePassword);
    }
}

internal sealed class SetPasswordTokenConfiguration : IEntityTypeConfiguration<SetPasswordToken>
{
    public void Configure(EntityTypeBuilder<SetPasswordToken> builder)
    {
        builder.ToTable("set_password_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TokenHash).HasMaxLength(32);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.ToTable("reminders");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasDefaultValueSql("gen_random_uuid()");
        builder.Property(r => r.Message).HasMaxLength(500);

        // When the reminder went out by mail (Email/ReminderMailer): bookkeeping of the gateway, not of the domain.
        builder.Property<DateTimeOffset?>("MailedAt").HasColumnName("mailed_at");
        builder.HasIndex("CreatedAt").HasDatabaseName("ix_reminders_not_mailed").HasFilter("mailed_at IS NULL");
        builder.Property(r => r.Args!).HasColumnType("jsonb").HasConversion(ReminderArgsJson.Converter, ReminderArgsJson.Comparer);
        builder.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        // One reminder per user, kind, subject, arguments and due date: the jobs may run any number of times. The
        // arguments tell apart the steps of one complaint on one day (the first-response and the resolution clock
        // warn and escalate independently); reminders without arguments compare equal (NULLS NOT DISTINCT).
        builder.HasIndex(r => new { r.UserId, r.Kind, r.SubjectId, r.DueDate, r.Args }).IsUnique().AreNullsDistinct(false)
            .HasDatabaseName("ix_reminders_user_id_kind_subject_id_due_date_args");
        builder.HasIndex(r => new { r.UserId, r.DueDate }).HasFilter("dismissed_at IS NULL");
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).UseIdentityAlwaysColumn();
        builder.Property(m => m.Type).HasMaxLength(100);
        builder.Property(m => m.Payload).HasColumnType("jsonb");
        builder.HasIndex(m => m.Id).HasFilter("processed_at IS NULL").HasDatabaseName("ix_outbox_messages_unprocessed");
    }
}

/// <summary>Reminder arguments as jsonb (camelCase, enums by name), written the same way by EF and by <see cref="ReminderWriter"/>'s set-based insert.</summary>
internal static class ReminderArgsJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static ReminderArgs? Read(string json) => System.Text.Json.JsonSerializer.Deserialize<ReminderArgs>(json, Options);

    public static string Write(ReminderArgs args) => System.Text.Json.JsonSerializer.Serialize(args, Options);

    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<ReminderArgs, string> Converter =
        new(a => Write(a), s => System.Text.Json.JsonSerializer.Deserialize<ReminderArgs>(s, Options)!);

    public static readonly Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<ReminderArgs> Comparer = new((a, b) => a == b, a => a.GetHashCode(), a => a);
}
