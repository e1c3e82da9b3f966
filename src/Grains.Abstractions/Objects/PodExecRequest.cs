namespace Actors.Grains.Abstractions.Objects;

/// <summary>
/// The pod exec and attach endpoints' query, as the node agent serves it: a command to run in a pod's container, or
/// with an empty <see cref="Command"/> (attach), the container's own process to join.
/// </summary>
public sealed record PodExecRequest(string Namespace, string Pod, string? Container, string[] Command, bool Stdin, bool Tty);
