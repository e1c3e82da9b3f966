namespace Actors.NodeAgent.Docker;

/// <summary>One frame of the engine's multiplexed output stream.</summary>
public readonly record struct LogFrame(LogStream Stream, byte[] Payload);
