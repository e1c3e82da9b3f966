namespace Actors.NodeAgent.Docker;

/// <summary>One frame of the engine's multiplexed output stream.</summary>
internal readonly record struct LogFrame(LogStream Stream, byte[] Payload);
