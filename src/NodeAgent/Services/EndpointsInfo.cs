namespace Actors.NodeAgent.Services;

/// <summary>An Endpoints object: the pod addresses behind a Service, grouped in subsets that share ports.</summary>
public sealed record EndpointsInfo(string Namespace, string Name, IReadOnlyList<EndpointSubsetInfo> Subsets);

/// <summary>Ready addresses take traffic; not-ready ones are listed only so that nobody mistakes them for gone.</summary>
public sealed record EndpointSubsetInfo(IReadOnlyList<string> Addresses, IReadOnlyList<string> NotReadyAddresses, IReadOnlyList<EndpointPortInfo> Ports);

/// <summary>A port of a subset; its name is the name of the Service port it serves.</summary>
public sealed record EndpointPortInfo(string Name, string Protocol, int Port);
