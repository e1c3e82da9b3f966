using Actors.Runtime.Activation;
using Actors.Runtime.Reminders;
using Actors.Runtime.Statistics;

namespace Actors.Runtime.Management;

/// <summary>The management view of one silo, from its catalog and statistics.</summary>
internal sealed class LocalManagementService(
    Catalog catalog,
    GrainCallStatistics statistics,
    ReminderService reminders,
    SiloAddress self,
    TimeProvider time,
    Func<CancellationToken, Task<IReadOnlyList<SiloInfo>>> silos) : IManagementService
{
    private readonly ProcessUsage _usage = new(time);

    /// <summary>Set in cluster mode: fetches other silos' statistics and finds activations elsewhere.</summary>
    public IRemoteManagement? Remote { get; set; }

    public SiloStatistics GetLocalStatistics()
    {
        var (cpu, memory) = _usage.Sample();
        return new SiloStatistics(self.ToParsableString(), catalog.Count, cpu, memory, GetGrainTypes(), GetMethodStatistics());
    }

    public async Task<IReadOnlyList<SiloStatistics>> GetClusterStatisticsAsync(CancellationToken cancellationToken) =>
        Remote is null ? [GetLocalStatistics()] : await Remote.GetClusterStatisticsAsync(GetLocalStatistics(), cancellationToken);

    public async Task<ActivationDetails?> FindActivationAsync(GrainId grainId, CancellationToken cancellationToken) =>
        await GetActivationDetailsAsync(grainId, cancellationToken)
        ?? (Remote is null ? null : await Remote.FindActivationAsync(grainId, cancellationToken));

    public Task<IReadOnlyList<SiloInfo>> GetSilosAsync(CancellationToken cancellationToken) => silos(cancellationToken);

    public IReadOnlyList<GrainTypeInfo> GetGrainTypes()
    {
        var ticks = statistics.TimerTicks;
        return catalog.Activations
            .GroupBy(a => a.GrainClass.GrainType)
            .Select(g => new GrainTypeInfo(g.Key, g.Count(), ticks.GetValueOrDefault(g.Key)))
            .Concat(ticks.Keys.Where(t => !catalog.Activations.Any(a => a.GrainClass.GrainType == t)).Select(t => new GrainTypeInfo(t, 0, ticks[t])))
            .OrderBy(t => t.GrainType, StringComparer.Ordinal)
            .ToArray();
    }

    public IReadOnlyList<MethodStatisticsInfo> GetMethodStatistics() =>
        statistics.Methods
            .Select(m => new MethodStatisticsInfo(
                m.GrainType,
                m.Method,
                m.Calls,
                m.Errors,
                m.Calls == 0 ? 0 : m.TotalElapsed.TotalMilliseconds / m.Calls,
                m.Latency.Percentile(0.99).TotalMilliseconds))
            .OrderByDescending(m => m.Calls)
            .ToArray();

    public IReadOnlyList<string> GetActivationIds(string? grainType, int limit) =>
        catalog.Activations
            .Where(a => grainType is null || a.GrainClass.GrainType == grainType)
            .Select(a => a.GrainId.ToString())
            .Order(StringComparer.Ordinal)
            .Take(limit)
            .ToArray();

    public Task<ActivationDetails?> GetActivationDetailsAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(grainId, out var activation))
        {
            return Task.FromResult<ActivationDetails?>(null);
        }
        var details = new ActivationDetails(
            grainId.ToString(),
            activation.ActivationId,
            activation.Silo.ToParsableString(),
            activation.State.ToString(),
            activation.IdleTime,
            activation.PersistentStates.Select(s => KeyValuePair.Create(s.StateName, s.ToJson()))
                .Concat((activation.GrainInstance as IGrainDiagnostics)?.DescribeState() ?? new Dictionary<string, string>())
                .ToDictionary(StringComparer.Ordinal),
            activation.Timers,
            reminders.LocalReminders.Where(r => r.GrainId == grainId).Select(r => r.ReminderName).ToArray(),
            activation.RecentCalls);
        return Task.FromResult<ActivationDetails?>(details);
    }
}
