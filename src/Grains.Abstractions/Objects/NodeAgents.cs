namespace Actors.Grains.Abstractions.Objects;

/// <summary>Finds the agent of a node: a hollow (simulated) node's agent runs on the control plane, a real one on its machine.</summary>
public static class NodeAgents
{
    /// <summary>The label that makes a node hollow (kubemark's hollow nodes), for control-plane tests and benchmarks.</summary>
    public const string HollowLabel = "actors.io/hollow";

    public static bool IsHollow(IReadOnlyDictionary<string, string>? labels) => labels?.GetValueOrDefault(HollowLabel) == "true";

    public static INodeAgentGrain For(IGrainFactory grains, string node, bool hollow) =>
        hollow ? grains.GetGrain<IHollowNodeAgentGrain>(node) : grains.GetGrain<IDockerNodeAgentGrain>(node);
}
