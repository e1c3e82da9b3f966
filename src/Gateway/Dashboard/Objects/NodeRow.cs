namespace Actors.Gateway.Dashboard.Objects;

/// <summary>One node's readiness and how much of its allocatable capacity the pods bound to it request.</summary>
public sealed record NodeRow(
    string Name,
    bool Ready,
    bool Unschedulable,
    bool Hollow,
    int Pods,
    long AllocatablePods,
    long RequestedMilliCpu,
    long AllocatableMilliCpu,
    long RequestedMemoryBytes,
    long AllocatableMemoryBytes,
    double AgeSeconds,
    string Grain);
