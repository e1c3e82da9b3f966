using Actors.ApiBench;

namespace Actors.ControlPlaneBench;

/// <summary>One stage of the pods' way to Running: how many reached it, the first and last to, and how long each took from the stage before.</summary>
internal sealed record Stage(string Name, int Pods, TimeSpan? First, TimeSpan? Last, Percentiles FromPreviousMs)
{
    /// <summary>The three stages the watch shows: created (ADDED), bound (scheduling and binding are one write), Running (the node's status).</summary>
    public static IReadOnlyList<Stage> Of(IReadOnlyCollection<PodTimes> pods) =>
    [
        Make("created", pods.Select(p => (At: (TimeSpan?)p.Created, From: (TimeSpan?)null))),
        Make("bound (schedule+bind)", pods.Select(p => (At: p.Bound, From: (TimeSpan?)p.Created))),
        Make("Running (status)", pods.Select(p => (At: p.Running, From: p.Bound))),
    ];

    private static Stage Make(string name, IEnumerable<(TimeSpan? At, TimeSpan? From)> pods)
    {
        var reached = pods.Where(p => p.At is not null).ToList();
        var waits = reached.Where(p => p.From is not null).Select(p => (p.At!.Value - p.From!.Value).TotalMilliseconds).ToList();
        return new Stage(name, reached.Count, reached.Count == 0 ? null : reached.Min(p => p.At), reached.Count == 0 ? null : reached.Max(p => p.At),
            Percentiles.Of(waits));
    }
}
