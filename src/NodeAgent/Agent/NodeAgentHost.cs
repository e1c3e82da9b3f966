namespace Actors.NodeAgent.Agent;

/// <summary>The machine a real node agent runs on: its node name and the address its pods report as hostIP.</summary>
public sealed record NodeAgentHost(string NodeName, string Address);
