using Quartz;

namespace KeyAccount.Infrastructure.Jobs;

/// <summary>
/// What one run of a job did, by name (e.g. <c>remindersRecorded</c>): each job reports its own through
/// <see cref="Report"/>, and <see cref="JobRunRecorder"/> stores it with the run.
/// </summary>
public sealed record JobCounts(IReadOnlyDictionary<string, int> Values)
{
    public static readonly JobCounts None = new(new Dictionary<string, int>(StringComparer.Ordinal));

    /// <summary>Whether the run did anything at all.</summary>
    public bool Any => Values.Values.Any(v => v != 0);

    /// <summary>Sets the run's counts as the context's result (none when the job is run without a scheduler, as tests do).</summary>
    public static void Report(IJobExecutionContext? context, params (string Name, int Count)[] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (context is null)
        {
            return;
        }

        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, count) in counts)
        {
            values[name] = count;
        }

        context.Result = new JobCounts(values);
    }

    /// <summary>The counts a run reported, or none.</summary>
    public static JobCounts Of(IJobExecutionContext context) => context?.Result as JobCounts ?? None;
}
