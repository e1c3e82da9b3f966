namespace Actors.NodeAgent.Docker;

/// <summary>Publishes a container port on the host; an empty <see cref="HostIp"/> means every address.</summary>
public sealed record PortBinding(ContainerPort ContainerPort, int HostPort, string HostIp = "");
