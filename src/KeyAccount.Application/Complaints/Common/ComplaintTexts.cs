using KeyAccount.Domain.Complaints;

namespace KeyAccount.Application.Complaints.Common;

/// <summary>
/// The English fallback of what the complaint capability stores as kind + arguments (timeline entries, escalation
/// reminders), rendered by the server for clients without a translation. The data is the kind and its arguments;
/// nothing reads these sentences back.
/// </summary>
public static class ComplaintTexts
{
    public static string Clock(SlaClockKind clock) => clock == SlaClockKind.FirstResponse ? "First response" : "Resolution";

    /// <summary>An escalation step of one clock: "Resolution target at risk (80 % used)", "… breached: escalated to level 1", "… exceeded twice over: escalated to level 2".</summary>
    public static string Escalation(SlaClockKind clock, int level) => level switch
    {
        0 => $"{Clock(clock)} target at risk (80 % used)",
        1 => $"{Clock(clock)} target breached: escalated to level 1",
        _ => $"{Clock(clock)} target exceeded twice over: escalated to level 2",
    };

    public static string Timeline(TimelineKind kind, TimelineArgsDto args, string? note)
    {
        ArgumentNullException.ThrowIfNull(args);
        string With(string what) => note is null ? what : $"{what}: {note}";
        return kind switch
        {
            TimelineKind.Filed => $"Filed via {args.Channel}",
            TimelineKind.Acknowledged => With("First response"),
            TimelineKind.Assigned => $"Assigned to {args.AssigneeName ?? "a user"} ({args.Department})",
            TimelineKind.AwaitingCustomer => With("Waiting for the customer"),
            TimelineKind.Resumed => With("Customer answered"),
            TimelineKind.Resolved => $"{With($"Resolved ({args.RootCause})")} — corrective action: {args.CorrectiveAction}",
            TimelineKind.Closed => args.Automatic == true ? "Closed automatically 7 days after resolution" : With("Closed, the customer confirmed"),
            TimelineKind.Reopened => With("Reopened"),
            TimelineKind.Comment => note ?? string.Empty,
            TimelineKind.AtRisk => Escalation(args.Clock ?? SlaClockKind.Resolution, 0),
            TimelineKind.Escalated => Escalation(args.Clock ?? SlaClockKind.Resolution, args.Level ?? 1),
            TimelineKind.InitiativeLinked => args.InitiativeId is null ? "Corrective action unlinked from its plan initiative" : "Corrective action linked to a plan initiative",
            _ => kind.ToString(),
        };
    }
}
