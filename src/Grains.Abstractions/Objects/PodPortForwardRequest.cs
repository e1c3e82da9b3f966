namespace Actors.Grains.Abstractions.Objects;

/// <summary>One connection of <c>kubectl port-forward</c>: to a port of a pod, as its node reaches it.</summary>
public sealed record PodPortForwardRequest(string Namespace, string Pod, int Port);
