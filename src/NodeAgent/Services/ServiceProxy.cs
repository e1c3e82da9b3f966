using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Actors.NodeAgent.Services;

/// <summary>
/// The node's userspace proxy (kube-proxy's role): keeps one listener per NodePort and cluster IP port that the
/// Services call for, with the cluster IPs on the loopback interface, and one rotation per Service port.
/// </summary>
public sealed class ServiceProxy(Func<ServiceSnapshot> snapshot, IPAddress? bridgeGateway, string nodeName, ILogger logger) : IAsyncDisposable
{
    private readonly Dictionary<ListenerSpec, IAsyncDisposable> _open = [];
    private readonly ConcurrentDictionary<ServicePortKey, long> _turns = new();
    private readonly LoopbackAddresses _loopback = new(LoopbackAddresses.LabelFor(nodeName), logger);
    private readonly CancellationTokenSource _connections = new();

    /// <summary>
    /// Brings listeners and loopback addresses in line with the current snapshot; one caller at a time. Nothing
    /// happens before the Services were first listed: an empty catalog then means "not known yet", not "none".
    /// </summary>
    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var current = snapshot();
        if (!current.ServicesListed)
        {
            return;
        }
        var services = current.Services;
        var (close, open) = ListenerPlan.Diff(_open.Keys.ToHashSet(), ListenerPlan.Listeners(services, bridgeGateway));
        foreach (var spec in close)
        {
            await _open[spec].DisposeAsync();
            _open.Remove(spec);
        }
        await _loopback.ReconcileAsync(ListenerPlan.LoopbackAddresses(services), cancellationToken);
        foreach (var spec in open)
        {
            IAsyncDisposable? listener = spec.Protocol == ListenerSpec.Udp
                ? UdpServiceListener.TryStart(spec, snapshot, NextTurn, logger)
                : ServiceListener.TryStart(spec, snapshot, NextTurn, logger, _connections.Token);
            if (listener is not null)
            {
                _open[spec] = listener;
            }
        }
    }

    /// <summary>Closes every listener and connection and takes the cluster IPs off the loopback interface.</summary>
    public async ValueTask DisposeAsync()
    {
        await _connections.CancelAsync();
        foreach (var listener in _open.Values)
        {
            await listener.DisposeAsync();
        }
        _open.Clear();
        await _loopback.ReconcileAsync(new HashSet<IPAddress>(), CancellationToken.None);
        _connections.Dispose();
    }

    private long NextTurn(ServicePortKey key) => _turns.AddOrUpdate(key, 0, (_, turn) => turn + 1);
}
