using System.Collections.Concurrent;
using Actors.Runtime.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Membership;

/// <summary>
/// This silo's side of the membership protocol (Orleans' MembershipTableManager, MembershipAgent and
/// ClusterHealthMonitor in one): joins through the table, publishes IAmAlive, probes its peers, votes the
/// unresponsive ones Dead, refreshes its view periodically, and stops the process the moment it reads its
/// own row as Dead. Every table mutation is conditional on the table version; a database outage makes them
/// fail, so nobody is declared dead while it lasts.
/// </summary>
public sealed partial class MembershipService : IAsyncDisposable
{
    private readonly IMembershipTable _table;
    private readonly MembershipOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MembershipService> _logger;
    private readonly ConcurrentDictionary<SiloAddress, int> _missedProbes = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly List<Task> _loops = [];
    private MembershipEntry _self;
    private MembershipSnapshot _snapshot = MembershipSnapshot.Empty;

    public MembershipService(IMembershipTable table, MembershipEntry self, MembershipOptions options, TimeProvider time, ILogger<MembershipService> logger)
    {
        _table = table;
        _self = self;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Checks that a peer answers; the transport's ping. False or an exception is a missed probe.</summary>
    public Func<SiloAddress, CancellationToken, Task<bool>> ProbeAsync { get; set; } = (_, _) => Task.FromResult(true);

    /// <summary>Called once when this silo reads that it was declared Dead: it must stop serving at once.</summary>
    public Action<string> OnDeclaredDead { get; set; } = reason => Environment.FailFast(reason);

    /// <summary>
    /// Called after this silo changed the table (its own status, a vote, a death), so peers can be told to
    /// refresh at once instead of at their next periodic read (Orleans' membership gossip).
    /// </summary>
    public Action<MembershipSnapshot> Gossip { get; set; } = _ => { };

    /// <summary>Raised with every newer snapshot.</summary>
    public event Action<MembershipSnapshot>? SnapshotChanged;

    public SiloAddress Silo => _self.SiloAddress;

    public MembershipSnapshot Snapshot => Volatile.Read(ref _snapshot);

    public SiloStatus Status => _self.Status;

    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        await _table.InitializeAsync(cancellationToken);
        await MarkOlderGenerationsDeadAsync(cancellationToken);
        await WriteOwnStatusAsync(SiloStatus.Joining, cancellationToken);
        await CheckConnectivityAsync(cancellationToken);
        await WriteOwnStatusAsync(SiloStatus.Active, cancellationToken);
        await RefreshAsync(cancellationToken);
        _loops.Add(LoopAsync(_options.IAmAlivePublishPeriod, PublishIAmAliveAsync));
        _loops.Add(LoopAsync(_options.TableRefreshTimeout, RefreshAsync));
        _loops.Add(LoopAsync(_options.ProbeTimeout, ProbeAllAsync));
        LogJoined(_logger, Silo.ToParsableString(), Snapshot.Active.Count());
    }

    /// <summary>Graceful stop: ShuttingDown, then Dead, so peers stop routing here without waiting for probes.</summary>
    public async Task LeaveAsync(Func<Task> beforeDead, CancellationToken cancellationToken)
    {
        await WriteOwnStatusAsync(SiloStatus.ShuttingDown, cancellationToken);
        await beforeDead();
        await WriteOwnStatusAsync(SiloStatus.Dead, cancellationToken);
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var data = await _table.ReadAllAsync(cancellationToken);
        Publish(data);
        var own = Snapshot.Entries.FirstOrDefault(e => e.SiloAddress.Equals(Silo));
        if (own?.Status == SiloStatus.Dead && _self.Status != SiloStatus.Dead && !_stopping.IsCancellationRequested)
        {
            _self = _self with { Status = SiloStatus.Dead };
            LogDeclaredDead(_logger, Silo.ToParsableString());
            OnDeclaredDead($"Silo {Silo} was declared Dead by its peers; it stops serving.");
        }
    }

    private void Publish(MembershipTableData data)
    {
        var snapshot = new MembershipSnapshot(data.Version.Version, data.Members.Select(m => m.Entry).ToArray());
        var current = Snapshot;
        if (snapshot.Version <= current.Version && current.Version >= 0)
        {
            return;
        }
        Volatile.Write(ref _snapshot, snapshot);
        SnapshotChanged?.Invoke(snapshot);
    }

    /// <summary>
    /// Our own previous lives on this endpoint cannot be alive, since we hold the port now; a mark that loses to a
    /// peer's write (a heartbeat, a vote) is decided again, so the old generation is never left Active.
    /// </summary>
    private async Task MarkOlderGenerationsDeadAsync(CancellationToken cancellationToken) =>
        await WriteUntilItHoldsAsync($"mark the previous generations of {Silo} Dead", async data =>
        {
            foreach (var (entry, etag) in data.Members)
            {
                if (entry.SiloAddress.IsSameEndpoint(Silo) && entry.SiloAddress.Generation < Silo.Generation && entry.Status != SiloStatus.Dead
                    && !await _table.UpdateRowAsync(entry with { Status = SiloStatus.Dead }, etag, data.Version.Next(), cancellationToken))
                {
                    return false;
                }
            }
            return true;
        }, cancellationToken);

    /// <summary>
    /// Reads the table and writes as <paramref name="write"/> decides until it reports that its writes held. Every
    /// write is conditional on the table's version, so one that loses to a peer's is decided again on a fresh read,
    /// a little later each time; after 20 lost races it gives up loudly.
    /// </summary>
    private async Task WriteUntilItHoldsAsync(string what, Func<MembershipTableData, Task<bool>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await write(await _table.ReadAllAsync(cancellationToken)))
            {
                return;
            }
            if (attempt >= 20)
            {
                throw new InvalidOperationException($"Could not {what} in the membership table: too much contention.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), _time, cancellationToken);
        }
    }

    private async Task CheckConnectivityAsync(CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _options.MaxJoinAttemptTime;
        while (true)
        {
            await RefreshAsync(cancellationToken);
            var unreachable = new List<SiloAddress>();
            foreach (var peer in Snapshot.Active.Where(e => !e.SiloAddress.Equals(Silo)))
            {
                if (!await ProbeOnceAsync(peer.SiloAddress, cancellationToken))
                {
                    unreachable.Add(peer.SiloAddress);
                }
            }
            if (unreachable.Count == 0)
            {
                return;
            }
            if (_time.GetUtcNow() > deadline)
            {
                throw new InvalidOperationException(
                    $"Cannot reach active silos {string.Join(", ", unreachable)} within {_options.MaxJoinAttemptTime}; refusing to join and split the cluster.");
            }
            // Stale rows of silos that are really gone get voted out by the probe logic meanwhile.
            foreach (var peer in unreachable)
            {
                await SuspectAsync(peer, cancellationToken);
            }
            await Task.Delay(_options.ProbeTimeout, _time, cancellationToken);
        }
    }

    private async Task PublishIAmAliveAsync(CancellationToken cancellationToken)
    {
        _self = _self with { IAmAliveTime = _time.GetUtcNow() };
        await _table.UpdateIAmAliveAsync(_self, cancellationToken);
    }

    private async Task ProbeAllAsync(CancellationToken cancellationToken)
    {
        var peers = Snapshot.Active.Where(e => !e.SiloAddress.Equals(Silo)).Select(e => e.SiloAddress).Take(10).ToArray();
        foreach (var gone in _missedProbes.Keys.Except(peers))
        {
            _missedProbes.TryRemove(gone, out _);
        }
        await Task.WhenAll(peers.Select(async peer =>
        {
            if (await ProbeOnceAsync(peer, cancellationToken))
            {
                _missedProbes[peer] = 0;
                return;
            }
            var missed = _missedProbes.AddOrUpdate(peer, 1, (_, n) => n + 1);
            LogMissedProbe(_logger, peer.ToParsableString(), missed);
            if (missed >= _options.NumMissedProbesLimit)
            {
                await SuspectAsync(peer, cancellationToken);
            }
        }));
    }

    private async Task<bool> ProbeOnceAsync(SiloAddress peer, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.ProbeTimeout);
            return await ProbeAsync(peer, timeout.Token);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Adds this silo's vote against a peer, declaring it Dead when the votes suffice.</summary>
    private async Task SuspectAsync(SiloAddress peer, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var data = await _table.ReadAllAsync(cancellationToken);
            Publish(data);
            var row = data.Members.FirstOrDefault(m => m.Entry.SiloAddress.Equals(peer));
            if (row.Entry is null || row.Entry.Status == SiloStatus.Dead)
            {
                return;
            }
            var active = data.Members.Count(m => m.Entry.Status == SiloStatus.Active);
            var decision = DeathVote.Decide(row.Entry, Silo, active, _time.GetUtcNow(), _options.NumVotesForDeathDeclaration,
                _options.DeathVoteExpirationTimeout, _options.IAmAlivePublishPeriod * 3 + _options.ProbeTimeout);
            var updated = row.Entry with
            {
                Status = decision.DeclareDead ? SiloStatus.Dead : row.Entry.Status,
                SuspectTimes = decision.Votes,
            };
            if (await _table.UpdateRowAsync(updated, row.ETag, data.Version.Next(), cancellationToken))
            {
                if (decision.DeclareDead)
                {
                    LogDeclaringDead(_logger, peer.ToParsableString(), decision.Votes.Count);
                    await RefreshAsync(cancellationToken);
                    Gossip(Snapshot);
                }
                return;
            }
            // Someone else wrote the table first: re-read and decide again.
            await Task.Delay(TimeSpan.FromMilliseconds(50 * (attempt + 1)), _time, cancellationToken);
        }
    }

    private async Task WriteOwnStatusAsync(SiloStatus status, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await WriteUntilItHoldsAsync($"write this silo's status {status}", async data =>
            {
                var row = data.Members.FirstOrDefault(m => m.Entry.SiloAddress.Equals(Silo));
                var entry = _self with { Status = status, IAmAliveTime = _time.GetUtcNow() };
                var written = row.Entry is null
                    ? await _table.InsertRowAsync(entry, data.Version.Next(), cancellationToken)
                    : await _table.UpdateRowAsync(entry with { SuspectTimes = row.Entry.SuspectTimes }, row.ETag, data.Version.Next(), cancellationToken);
                if (written)
                {
                    _self = entry;
                }
                return written;
            }, cancellationToken);
            await RefreshAsync(cancellationToken);
            Gossip(Snapshot);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task LoopAsync(TimeSpan period, Func<CancellationToken, Task> action)
    {
        using var timer = new PeriodicTimer(period, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                try
                {
                    await action(_stopping.Token);
                }
                catch (Exception exception) when (!_stopping.IsCancellationRequested)
                {
                    // A database outage lands here: keep serving, retry next period.
                    LogLoopFailed(_logger, action.Method.Name, exception.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        await Task.WhenAll(_loops);
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} joined the cluster; {Active} silos are active")]
    private static partial void LogJoined(ILogger logger, string silo, int active);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Silo {Silo} read its own row as Dead; stopping")]
    private static partial void LogDeclaredDead(ILogger logger, string silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Probe of {Peer} missed ({Missed} in a row)")]
    private static partial void LogMissedProbe(ILogger logger, string peer, int missed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Declaring {Peer} Dead with {Votes} votes")]
    private static partial void LogDeclaringDead(ILogger logger, string peer, int votes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Membership {Loop} failed: {Error}")]
    private static partial void LogLoopFailed(ILogger logger, string loop, string error);
}
