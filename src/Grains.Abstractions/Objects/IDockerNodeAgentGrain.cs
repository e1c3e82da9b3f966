namespace Actors.Grains.Abstractions.Objects;

/// <summary>The node agent on a real machine: it lives on the silo named like its node and drives that machine's Docker engine.</summary>
public interface IDockerNodeAgentGrain : INodeAgentGrain;
