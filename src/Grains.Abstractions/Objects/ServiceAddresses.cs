namespace Actors.Grains.Abstractions.Objects;

/// <summary>
/// The cluster-unique values a Service uses: its clusterIP (null: none, as headless and ExternalName services;
/// "" in a request: any free one) and its ports' nodePorts in port order (0 in a request: any free one).
/// </summary>
public sealed record ServiceAddresses(string? ClusterIP, IReadOnlyList<int> NodePorts);
