namespace Actors.Grains.Abstractions.Objects;

/// <summary>The pod exec endpoint's query, as the node agent serves it: a command to run in a pod's container.</summary>
public sealed record PodExecRequest(string Namespace, string Pod, string? Container, string[] Command, bool Stdin, bool Tty);
