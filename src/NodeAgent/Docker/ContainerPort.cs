namespace Actors.NodeAgent.Docker;

/// <summary>A container port and protocol, spelled <c>8080/tcp</c> on the wire.</summary>
public sealed record ContainerPort(int Port, string Protocol = "tcp")
{
    public override string ToString() => $"{Port}/{Protocol}";
}
