using System.Text.Json;
using KeyAccount.Domain.Audit;

namespace KeyAccount.Application.Audit.ListAuditEntries;

/// <summary>One change of one record: who, when, and each changed field before and after.</summary>
/// <param name="Id" example="1042">Position in the trail (higher is later).</param>
/// <param name="OccurredAt" example="2026-12-02T06:15:00Z">When the change was saved (UTC).</param>
/// <param name="EntityType" example="account">The type of the record (account, contact, accountTeamMember, tierOverride, tierPolicy, slaPolicy, user, webhookEndpoint).</param>
/// <param name="EntityId" example="0193a5b2-7c1e-7a10-9d4f-3e2b1c0d9a88">The record's id (a team membership: the member's user id; a tier override: its account's id).</param>
/// <param name="AccountId" example="0193a5b2-7c1e-7a10-9d4f-3e2b1c0d9a88">The account the record belongs to; null for records of no account (policies, users, webhook endpoints).</param>
/// <param name="Action" example="Updated">Created, Updated or Deleted.</param>
/// <param name="Actor">Who made the change.</param>
/// <param name="CorrelationId" example="0HN8QK1V3S0J2:00000004">The request that made it (the other changes and the log lines of the same request carry it too).</param>
/// <param name="Changes">The fields that changed. Created: every field with a value (before null); Deleted: every field with a value (after null).</param>
public sealed record AuditEntryDto(
    long Id,
    DateTimeOffset OccurredAt,
    string EntityType,
    Guid EntityId,
    Guid? AccountId,
    AuditAction Action,
    AuditActorDto Actor,
    string? CorrelationId,
    IReadOnlyList<AuditFieldChangeDto> Changes);

/// <summary>Who made a change.</summary>
/// <param name="Kind" example="User">User, or System for changes without a caller (scheduled jobs, start-up tasks).</param>
/// <param name="Id" example="0193a5b2-0000-7000-8000-000000000001">The user's id; null for the system.</param>
/// <param name="DisplayName" example="陈总监">The user's name as it is now; null for the system or a user no longer on file.</param>
public sealed record AuditActorDto(AuditActorKind Kind, Guid? Id, string? DisplayName);

/// <summary>One changed field. Values are as stored: text, numbers, true/false, ISO 8601 instants and dates, enums by name, decimals as strings, lists as arrays; secrets are "***".</summary>
/// <param name="Field" example="name">The field's name (camelCase; parts of a value are joined with a dot, e.g. cutoffs.key).</param>
/// <param name="Before" example="华东精密制造有限公司">The value before; null when it had none.</param>
/// <param name="After" example="华东精密制造集团有限公司">The value after; null when it has none.</param>
/// <param name="BeforeName" example="Manager One">When the value before is a user's id (an owner, a team member): that user's name as it is now.</param>
/// <param name="AfterName" example="Manager Two">When the value after is a user's id: that user's name as it is now.</param>
public sealed record AuditFieldChangeDto(string Field, JsonElement? Before, JsonElement? After, string? BeforeName = null, string? AfterName = null);
