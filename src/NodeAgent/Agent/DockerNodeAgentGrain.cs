using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Abstractions.Store;
using Actors.NodeAgent.Runtime;
using Actors.Placement;
using Microsoft.Extensions.Logging;

namespace Actors.NodeAgent.Agent;

/// <summary>
/// The agent of a real node: it lives only on the silo named like the node (<c>actors up</c>, <c>actors agent</c>)
/// and drives that machine's container engine, registered in the silo's services.
/// </summary>
[PinnedToSiloNamePlacement]
public sealed class DockerNodeAgentGrain(
    IObjectStore store, NodeAgentOptions options, TimeProvider time, IEventSink events, IContainerRuntime runtime, NodeAgentHost host, ILogger<DockerNodeAgentGrain> logger)
    : NodeAgentGrain(store, options, time, events, logger), IDockerNodeAgentGrain
{
    protected override INodeAgentGrain Self => GrainFactory.GetGrain<IDockerNodeAgentGrain>(NodeName);

    protected override string RuntimeScheme => "docker";

    protected override string HostIP => host.Address;

    protected override Task<IContainerRuntime> CreateRuntimeAsync(JsonObject? node, CancellationToken cancellationToken) => Task.FromResult(runtime);
}
