using Actors.Runtime.Hosting;
using Actors.Runtime.Management;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Gateway.Dashboard;

/// <summary>
/// Polls the management API every <see cref="DashboardOptions.SampleInterval"/>, turns counters into rates and
/// keeps the last <see cref="DashboardOptions.History"/> of samples and a bounded membership history in memory.
/// </summary>
public sealed partial class DashboardSampler(
    IManagementService management,
    DashboardOptions options,
    TimeProvider time,
    ILogger<DashboardSampler> logger,
    Silo? silo = null) : BackgroundService
{
    private readonly Lock _lock = new();
    private readonly LinkedList<DashboardSample> _samples = new();
    private readonly LinkedList<MembershipChange> _membership = new();
    private IReadOnlyList<SiloInfo> _silos = [];
    private IReadOnlyDictionary<string, IReadOnlyList<GrainCounters>> _counters = new Dictionary<string, IReadOnlyList<GrainCounters>>();
    private IReadOnlyDictionary<string, SiloStatistics> _statistics = new Dictionary<string, SiloStatistics>();
    private IReadOnlyList<MethodStatisticsInfo> _methods = [];
    private TopMethods _top = Dashboard.TopMethods.Empty;
    private DateTimeOffset? _last;

    /// <summary>The address of the silo this sampler runs on.</summary>
    public string SiloAddress { get; } = silo?.Address.ToParsableString() ?? "local";

    public IReadOnlyList<SiloInfo> Silos
    {
        get
        {
            lock (_lock)
            {
                return _silos;
            }
        }
    }

    /// <summary>The last statistics of each silo that answered, by silo address.</summary>
    public IReadOnlyDictionary<string, SiloStatistics> Statistics
    {
        get
        {
            lock (_lock)
            {
                return _statistics;
            }
        }
    }

    public IReadOnlyList<MembershipChange> MembershipHistory
    {
        get
        {
            lock (_lock)
            {
                return _membership.ToArray();
            }
        }
    }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<DashboardSample> Samples
    {
        get
        {
            lock (_lock)
            {
                return _samples.ToArray();
            }
        }
    }

    public DashboardSample? Latest
    {
        get
        {
            lock (_lock)
            {
                return _samples.Last?.Value;
            }
        }
    }

    /// <summary>Methods ranked with rates over the last interval, re-ranked to <paramref name="top"/>.</summary>
    public TopMethods GetTopMethods(int top)
    {
        lock (_lock)
        {
            return new TopMethods([.. _top.ByCalls.Take(top)], [.. _top.ByLatency.Take(top)], [.. _top.ByErrors.Take(top)]);
        }
    }

    /// <summary>Takes one sample now; the background loop calls it every interval.</summary>
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var silos = await management.GetSilosAsync(cancellationToken);
        // Every silo's own numbers over the silo transport: the grain table shows the whole cluster, a row per silo.
        var statistics = await management.GetClusterStatisticsAsync(cancellationToken);
        var methods = DashboardRates.MergeMethods(statistics.SelectMany(s => s.Methods));
        var counters = statistics.ToDictionary(s => s.Silo, s => DashboardRates.Counters(s.GrainTypes, s.Methods), StringComparer.Ordinal);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            foreach (var change in DashboardRates.MembershipChanges(_silos, silos, now))
            {
                _membership.AddLast(change);
                if (_membership.Count > options.MembershipHistoryLimit)
                {
                    _membership.RemoveFirst();
                }
            }
            _silos = silos;
            var elapsed = _last is { } last ? now - last : TimeSpan.Zero;
            // The first sample has no predecessor: its rates would be totals since start, so it shows none.
            var rates = DashboardRates.ClusterRates(_counters, counters, elapsed);
            _samples.AddLast(new DashboardSample(now, rates));
            if (_samples.Count > options.SampleCapacity)
            {
                _samples.RemoveFirst();
            }
            _top = DashboardRates.Top(_last is null ? methods : _methods, methods, elapsed, int.MaxValue);
            _counters = counters;
            _statistics = statistics.ToDictionary(s => s.Silo, StringComparer.Ordinal);
            _methods = methods;
            _last = now;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SampleInterval, time);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSampleFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard sample failed; the next tick tries again")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
