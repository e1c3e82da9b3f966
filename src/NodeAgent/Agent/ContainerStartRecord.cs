namespace Actors.NodeAgent.Agent;

/// <summary>The last failed start of a container (a missing image, a refused config) and how many in a row, for back-off.</summary>
public sealed record ContainerStartRecord(string Reason, string Message, DateTimeOffset At, int Count);
