namespace Actors.NodeAgent.Runtime;

/// <summary>What the engine says about the machine, for the Node's capacity and nodeInfo.</summary>
public sealed record RuntimeInfo(
    string RuntimeVersion,
    int Cpus,
    long MemoryBytes,
    string OperatingSystem,
    string KernelVersion,
    string Architecture);
