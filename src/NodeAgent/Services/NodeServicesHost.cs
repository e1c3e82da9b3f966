using System.Net;
using System.Threading.Channels;
using Actors.Grains.Abstractions.Store;
using Actors.NodeAgent.Services.Dns;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.NodeAgent.Services;

/// <summary>
/// Services on a node that runs pods: mirrors Services and Endpoints from the store, keeps the userspace proxy in
/// line with them and serves cluster DNS on the bridge gateway. Stopping it closes the listeners and takes the
/// cluster IPs off the loopback interface.
/// </summary>
public sealed partial class NodeServicesHost(IObjectStore store, IPAddress? bridgeGateway, string nodeName, ILogger<NodeServicesHost> logger) : BackgroundService
{
    private readonly ServiceCatalog _catalog = new();
    private readonly Lock _feeding = new();
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var proxy = new ServiceProxy(() => _catalog.Snapshot, bridgeGateway, nodeName, logger);
        var background = new List<Task>
        {
            Mirror(ServiceObjects.ServiceKind, stoppingToken),
            Mirror(ServiceObjects.EndpointsKind, stoppingToken),
        };
        if (bridgeGateway is not null)
        {
            background.Add(new ClusterDnsServer(bridgeGateway, () => _catalog.Snapshot, logger).RunAsync(stoppingToken));
        }
        else
        {
            LogNoGateway(logger);
        }
        try
        {
            await foreach (var _ in _changed.Reader.ReadAllAsync(stoppingToken))
            {
                await ReconcileAsync(proxy, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the proxy is disposed below, after the mirrors and DNS have let go.
        }
        await Task.WhenAll(background).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>A failed reconcile is logged and retried with the next change; it must never stop the silo.</summary>
    private async Task ReconcileAsync(ServiceProxy proxy, CancellationToken cancellationToken)
    {
        try
        {
            await proxy.ReconcileAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogReconcileFailed(logger, exception);
        }
    }

    private Task Mirror(string kind, CancellationToken cancellationToken) =>
        new ObjectMirror(store, kind, logger).RunAsync(
            objects => Feed(() => _catalog.Replace(kind, objects)),
            change => Feed(() => _catalog.Apply(change)),
            cancellationToken);

    private void Feed(Action change)
    {
        lock (_feeding)
        {
            change();
        }
        _changed.Writer.TryWrite(true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Docker engine did not tell the bridge gateway: no cluster DNS, NodePorts on 127.0.0.1 only")]
    private static partial void LogNoGateway(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciling the service proxy failed")]
    private static partial void LogReconcileFailed(ILogger logger, Exception exception);
}
