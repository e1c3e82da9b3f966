using System.Text.Json.Nodes;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Abstractions.Store;
using Actors.NodeAgent.Hollow;
using Actors.NodeAgent.Runtime;
using Actors.Placement;
using Microsoft.Extensions.Logging;

namespace Actors.NodeAgent.Agent;

/// <summary>
/// The agent of a hollow node: any control-plane silo hosts it (its Node grain wakes it), and its runtime is
/// simulated in memory — pods "start" after the node's <c>actors.io/hollow-start-delay-ms</c> annotation.
/// </summary>
[SiloRolePlacement(SiloRoles.ControlPlane)]
public sealed class HollowNodeAgentGrain(IObjectStore store, NodeAgentOptions options, TimeProvider time, IEventSink events, ILogger<HollowNodeAgentGrain> logger)
    : NodeAgentGrain(store, options, time, events, logger), IHollowNodeAgentGrain
{
    public const string StartDelayAnnotation = "actors.io/hollow-start-delay-ms";

    private static readonly TimeSpan DefaultStartDelay = TimeSpan.FromMilliseconds(50);

    protected override INodeAgentGrain Self => GrainFactory.GetGrain<IHollowNodeAgentGrain>(NodeName);

    protected override string RuntimeScheme => "hollow";

    protected override string HostIP => "127.0.0.1";

    protected override bool RunsProbes => false;

    protected override Task<IContainerRuntime> CreateRuntimeAsync(JsonObject? node, CancellationToken cancellationToken)
    {
        var delay = int.TryParse((string?)node?["metadata"]?["annotations"]?[StartDelayAnnotation], out var milliseconds) && milliseconds >= 0
            ? TimeSpan.FromMilliseconds(milliseconds)
            : DefaultStartDelay;
        return Task.FromResult<IContainerRuntime>(new HollowContainerRuntime(delay, Time));
    }
}
