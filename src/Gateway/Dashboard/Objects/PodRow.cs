namespace Actors.Gateway.Dashboard.Objects;

/// <summary>One pod as <c>kubectl get pods -o wide</c> shows it, with the grains of the pod and of its controller.</summary>
public sealed record PodRow(
    string Namespace,
    string Name,
    string? Node,
    string Phase,
    int ReadyContainers,
    int Containers,
    int Restarts,
    double AgeSeconds,
    string Grain,
    string? OwnerGrain);
