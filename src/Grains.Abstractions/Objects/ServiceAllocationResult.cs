namespace Actors.Grains.Abstractions.Objects;

/// <summary>What the allocator granted a Service, or why not (causes worded as Kubernetes' allocators word them).</summary>
public sealed record ServiceAllocationResult(ServiceAddresses? Allocated, IReadOnlyList<ValidationCauseInfo> Causes);
