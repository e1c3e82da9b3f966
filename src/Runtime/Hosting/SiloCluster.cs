using Actors.Placement;
using Actors.Runtime.Activation;
using Actors.Runtime.Directory;
using Actors.Runtime.Invocation;
using Actors.Runtime.Management;
using Actors.Runtime.Membership;
using Actors.Runtime.Messaging;
using Actors.Runtime.Reminders;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Hosting;

/// <summary>
/// What makes a silo part of a cluster: messaging to its peers, the membership protocol, the database
/// directory that keeps one activation per grain, reminder ownership, and the rebalancer that moves idle
/// activations to the silo placement now prefers after a membership change.
/// </summary>
internal sealed partial class SiloCluster : IAsyncDisposable
{
    private static readonly TimeSpan RebalancePeriod = TimeSpan.FromSeconds(5);
    private const int MaxMigrationsPerPass = 200;

    private readonly SiloOptions _options;
    private readonly Catalog _catalog;
    private readonly ReminderService _reminders;
    private readonly ClusterStores _stores;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DirectoryGrainLocator _locator;
    private readonly CancellationTokenSource _stopping = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SiloAddress, byte> _knownDead = new();
    private Task? _rebalancer;

    public SiloCluster(SiloAddress self, SiloOptions options, ClusterStores stores, Catalog catalog, ReminderService reminders,
        GrainManifest manifest, GrainCallInvoker invoker, TimeProvider time, ILoggerFactory loggers)
    {
        Self = self;
        _options = options;
        _stores = stores;
        _catalog = catalog;
        _reminders = reminders;
        _time = time;
        _logger = loggers.CreateLogger<SiloCluster>();
        Messages = new SiloMessageCenter(new SiloMessageCenterOptions
        {
            LocalSilo = self,
            ClusterId = options.ClusterId,
            ClusterSecret = System.Text.Encoding.UTF8.GetBytes(options.ClusterSecret),
            IsSiloDead = silo => Membership!.Snapshot.StatusOf(silo) == SiloStatus.Dead,
            TimeProvider = time,
        }, loggers.CreateLogger<SiloMessageCenter>());
        Membership = new MembershipService(stores.MembershipTable, new MembershipEntry
        {
            SiloAddress = self,
            Status = SiloStatus.Created,
            HostName = Environment.MachineName,
            SiloName = options.SiloName,
            RoleName = options.Role,
            ProxyPort = options.ProxyPort,
            StartTime = time.GetUtcNow(),
            IAmAliveTime = time.GetUtcNow(),
        }, options.Membership, time, loggers.CreateLogger<MembershipService>());
        _locator = new DirectoryGrainLocator(stores.GrainDirectory, () => Membership.Snapshot);
        Locator = _locator;

        var inbound = new InboundCallHandler(manifest, invoker, options.ResponseTimeout, () => _ = RefreshMembershipAsync(),
            (query, body, ct) => ClusterManagement.AnswerAsync(LocalManagement ?? throw new InvalidOperationException("Management is not ready."), query, body, ct));
        RemoteManagement = new ClusterManagement(self, Messages, stores.GrainDirectory, () => Membership.Snapshot);
        Messages.RequestHandler = inbound.HandleAsync;
        Membership.ProbeAsync = PingAsync;
        Membership.Gossip = TellPeersToRefresh;
        Membership.SnapshotChanged += OnSnapshot;
        invoker.Remote = new RemoteGrainInvoker(Messages, _locator.Invalidate);
        catalog.RegisterAsync = activation => _locator.RegisterAsync(
            new GrainAddress(activation.GrainId, activation.ActivationId, self, Membership.Snapshot.Version), _stopping.Token);
        catalog.UnregisterAsync = activation => stores.GrainDirectory.UnregisterAsync(
            new GrainAddress(activation.GrainId, activation.ActivationId, self, Membership.Snapshot.Version), CancellationToken.None);
        catalog.ShouldHost = (grainId, grainClass) => grainClass.IsPinnedToSiloName
            || PlacementDecision.Choose(grainId, grainClass.RequiredRole, pinnedToSiloName: false, Membership.Snapshot) is not { } owner
            || owner.Equals(self);
        reminders.IsOwnedLocally = grainId => Equals(
            RendezvousPlacement.Choose(grainId, Membership.Snapshot.Active.Where(e => e.RoleName != PlacementDecision.ClientRole).Select(e => e.SiloAddress)), self);
    }

    public SiloAddress Self { get; }

    public SiloMessageCenter Messages { get; }

    public MembershipService Membership { get; }

    public IGrainLocator Locator { get; }

    /// <summary>Set by the silo once its management view exists; answers peers' queries.</summary>
    public IManagementService? LocalManagement { get; set; }

    public IRemoteManagement RemoteManagement { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Messages.Start();
        await Membership.JoinAsync(cancellationToken);
        _rebalancer = RebalanceLoopAsync();
    }

    /// <summary>Graceful leave: peers stop routing here first, then the activations deactivate, then the row is Dead.</summary>
    public async Task StopAsync(Func<Task> deactivateAll, CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        try
        {
            await Membership.LeaveAsync(deactivateAll, cancellationToken);
        }
        catch (Exception exception)
        {
            LogLeaveFailed(_logger, exception.Message);
            await deactivateAll();
        }
    }

    public IReadOnlyList<SiloInfo> DescribeSilos() =>
        Membership.Snapshot.Entries
            .Select(e => new SiloInfo(e.SiloAddress.ToParsableString(), e.SiloName, e.RoleName, e.Status, e.StartTime, e.IAmAliveTime,
                e.SiloAddress.Equals(Self) ? _catalog.Count : -1, e.ProxyPort))
            .ToArray();

    private async Task<bool> PingAsync(SiloAddress silo, CancellationToken cancellationToken)
    {
        var response = await Messages.SendRequestAsync(new Message
        {
            TargetSilo = silo,
            InterfaceName = InboundCallHandler.Ping,
        }, _options.Membership.ProbeTimeout, cancellationToken);
        return response.Result == ResponseKind.Success;
    }

    private void TellPeersToRefresh(MembershipSnapshot snapshot)
    {
        foreach (var peer in snapshot.Active.Where(e => !e.SiloAddress.Equals(Self)))
        {
            Messages.SendOneWay(new Message
            {
                Direction = MessageDirection.OneWay,
                TargetSilo = peer.SiloAddress,
                InterfaceName = InboundCallHandler.MembershipChanged,
            });
        }
    }

    private void OnSnapshot(MembershipSnapshot snapshot)
    {
        _locator.OnSnapshot(snapshot);
        var dead = snapshot.Dead.Where(silo => _knownDead.TryAdd(silo, 0)).ToArray();
        foreach (var silo in dead)
        {
            Messages.MarkSiloDead(silo);
        }
        if (dead.Length > 0)
        {
            _ = CleanupDirectoryAsync(dead);
        }
        _ = _reminders.RefreshAsync();
    }

    private async Task RefreshMembershipAsync()
    {
        try
        {
            await Membership.RefreshAsync(_stopping.Token);
        }
        catch (Exception exception) when (!_stopping.IsCancellationRequested)
        {
            LogRefreshFailed(_logger, exception.Message);
        }
    }

    private async Task CleanupDirectoryAsync(IReadOnlyCollection<SiloAddress> dead)
    {
        try
        {
            await _stores.GrainDirectory.UnregisterSilosAsync(dead, _stopping.Token);
        }
        catch (Exception exception) when (!_stopping.IsCancellationRequested)
        {
            LogCleanupFailed(_logger, exception.Message);
        }
    }

    private async Task RebalanceLoopAsync()
    {
        using var timer = new PeriodicTimer(RebalancePeriod, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                Rebalance();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Idle activations whose placement now prefers another silo move there (Orleans 8+ live migration).</summary>
    internal int Rebalance()
    {
        var snapshot = Membership.Snapshot;
        var moved = 0;
        foreach (var activation in _catalog.Activations)
        {
            if (moved >= MaxMigrationsPerPass)
            {
                break;
            }
            var grainClass = activation.GrainClass;
            if (grainClass.IsPinnedToSiloName || activation.State != ActivationState.Valid || !activation.IsIdle)
            {
                continue;
            }
            var owner = PlacementDecision.Choose(activation.GrainId, grainClass.RequiredRole, pinnedToSiloName: false, snapshot);
            if (owner is not null && !owner.Equals(Self))
            {
                activation.MigrateOnIdle();
                moved++;
            }
        }
        return moved;
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        if (_rebalancer is not null)
        {
            await _rebalancer;
        }
        await Membership.DisposeAsync();
        await Messages.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leaving the cluster cleanly failed: {Error}")]
    private static partial void LogLeaveFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing membership after a peer's change failed: {Error}")]
    private static partial void LogRefreshFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing dead silos' directory entries failed: {Error}")]
    private static partial void LogCleanupFailed(ILogger logger, string error);
}
