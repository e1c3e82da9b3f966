namespace Actors.Grains.Abstractions.Objects;

/// <summary>The node agent of a simulated node (kubemark's hollow node): any control-plane silo runs it, on an in-memory runtime.</summary>
public interface IHollowNodeAgentGrain : INodeAgentGrain;
