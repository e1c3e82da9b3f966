using Actors.Grains.Abstractions.Resources;
using Actors.Grains.Abstractions.Store;

namespace Actors.Gateway.Metrics;

/// <summary>
/// The orchestrator's state metrics, read from the object store at scrape time as kube-state-metrics reads the
/// API server: every silo reports the whole cluster's objects, so a query takes any one silo's value.
/// </summary>
public static class ObjectMetrics
{
    /// <summary>Pages keep a scrape's memory to one page whatever the number of objects.</summary>
    private const int PageSize = 500;

    public static async Task<IReadOnlyList<MetricFamily>> CollectAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        var kinds = KindRegistry.All.Select(k => k.Kind).Distinct().ToArray();
        var tally = new ObjectTally(kinds);
        foreach (var kind in kinds)
        {
            string? next = null;
            do
            {
                var page = await store.ListAsync(kind, null, new ListOptions { Limit = PageSize, Continue = next }, cancellationToken);
                foreach (var obj in page.Items)
                {
                    tally.Add(kind, obj);
                }
                next = page.Continue;
            }
            while (next is not null);
        }
        return tally.ToFamilies();
    }
}
