namespace Actors.NodeAgent.Runtime;

/// <summary>The node's warm sandbox pool as its status reports it: the configured size and how many are warm.</summary>
public sealed record SandboxPoolStatus(int Size, int Warm)
{
    public static SandboxPoolStatus Off { get; } = new(0, 0);
}
