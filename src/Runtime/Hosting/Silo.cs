using System.Net;
using Actors.Runtime.Activation;
using Actors.Runtime.Invocation;
using Actors.Runtime.Management;
using Actors.Runtime.Reminders;
using Actors.Runtime.Statistics;
using Actors.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Hosting;

/// <summary>
/// One silo: the catalog of activations, the call path, timers' collector and reminders, started and
/// stopped with the host.
/// </summary>
public sealed partial class Silo : IHostedService, IAsyncDisposable
{
    private static readonly Lazy<MethodInfoHolder> Remindable = new(() => new MethodInfoHolder());

    private readonly SiloOptions _options;
    private readonly Catalog _catalog;
    private readonly ReminderService _reminders;
    private readonly TimeProvider _time;
    private readonly ILogger<Silo> _logger;
    private readonly GrainManifest _manifest;
    private readonly GrainCallInvoker _invoker;
    private readonly SiloCluster? _cluster;
    private ITimer? _collector;

    internal Silo(
        SiloOptions options,
        GrainManifest manifest,
        Catalog catalog,
        ReminderService reminders,
        IGrainStorage storage,
        GrainCallStatistics statistics,
        TimeProvider time,
        IServiceProvider services,
        ILoggerFactory loggers,
        ClusterStores? clusterStores)
    {
        var logger = loggers.CreateLogger<Silo>();
        _options = options;
        _manifest = manifest;
        _catalog = catalog;
        _reminders = reminders;
        _time = time;
        _logger = logger;
        StartTime = time.GetUtcNow();
        Address = new SiloAddress(new IPEndPoint(IPAddress.Parse(options.AdvertisedAddress), options.SiloPort), SiloAddress.NewGeneration(time));
        var locator = new SwitchableLocator(new LocalOnlyLocator(Address));
        _invoker = new GrainCallInvoker(manifest, catalog, locator, Address, options.ResponseTimeout);
        GrainFactory = new GrainFactory(_invoker);
        catalog.Reroute = _invoker.Reroute;
        catalog.Initialize(new ActivationServices
        {
            Silo = Address,
            GrainFactory = GrainFactory,
            ServiceProvider = services,
            Reminders = reminders,
            Storage = storage,
            Time = time,
            Options = options,
            Logger = logger,
            Statistics = statistics,
            OnDeactivatedAsync = catalog.OnDeactivatedAsync,
        });
        reminders.DeliverAsync = DeliverReminderAsync;
        if (clusterStores is not null)
        {
            _cluster = new SiloCluster(Address, options, clusterStores, catalog, reminders, manifest, _invoker, time, loggers);
            locator.Inner = _cluster.Locator;
        }
        var management = new LocalManagementService(catalog, statistics, reminders, Address, time,
            _ => Task.FromResult(_cluster?.DescribeSilos() ?? (IReadOnlyList<SiloInfo>)[Describe()]));
        if (_cluster is not null)
        {
            management.Remote = _cluster.RemoteManagement;
            _cluster.LocalManagement = management;
        }
        Management = management;
    }

    public SiloAddress Address { get; }

    public DateTimeOffset StartTime { get; }

    public SiloStatus Status { get; private set; } = SiloStatus.Created;

    public IGrainFactory GrainFactory { get; }

    public IManagementService Management { get; }

    public int ActivationCount => _catalog.Count;

    /// <summary>The call path; tests use it to run a call in this silo's own activation.</summary>
    internal GrainCallInvoker Invoker => _invoker;

    /// <summary>The membership protocol, in cluster mode; null for a single silo.</summary>
    public Membership.MembershipService? Membership => _cluster?.Membership;

    /// <summary>The silo transport, in cluster mode; tests use it to cut a silo off from its peers.</summary>
    public Messaging.SiloMessageCenter? Messages => _cluster?.Messages;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Status = SiloStatus.Joining;
        if (_cluster is not null)
        {
            await _cluster.StartAsync(cancellationToken);
        }
        await _reminders.StartAsync(cancellationToken);
        _collector = _time.CreateTimer(_ => _catalog.CollectIdle(_options.CollectionAge), null, _options.CollectionQuantum, _options.CollectionQuantum);
        Status = SiloStatus.Active;
        LogStarted(_logger, Address.ToParsableString(), _options.Role);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Status is SiloStatus.ShuttingDown or SiloStatus.Dead)
        {
            return;
        }
        Status = SiloStatus.ShuttingDown;
        _collector?.Dispose();
        await _reminders.DisposeAsync();
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is stopping.");
        if (_cluster is null)
        {
            await _catalog.DeactivateAllAsync(reason);
        }
        else
        {
            await _cluster.StopAsync(() => _catalog.DeactivateAllAsync(reason), cancellationToken);
            await _cluster.DisposeAsync();
        }
        Status = SiloStatus.Dead;
    }

    public async ValueTask DisposeAsync()
    {
        if (Status != SiloStatus.Dead)
        {
            await StopAsync(CancellationToken.None);
        }
    }

    private SiloInfo Describe() => new(
        Address.ToParsableString(), _options.SiloName, _options.Role, Status, StartTime, _time.GetUtcNow(), _catalog.Count, _options.ProxyPort);

    private Task DeliverReminderAsync(GrainId grainId, string reminderName, TickStatus status)
    {
        var method = _manifest.GetMethod(Remindable.Value.ReceiveReminder);
        return _invoker.InvokeAsync(grainId, method, [reminderName, status]);
    }

    private sealed class MethodInfoHolder
    {
        public System.Reflection.MethodInfo ReceiveReminder { get; } = typeof(IRemindable).GetMethod(nameof(IRemindable.ReceiveReminder))!;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Address} is active with role {Role}")]
    private static partial void LogStarted(ILogger logger, string address, string role);
}
