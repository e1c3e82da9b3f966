using System.Net;

namespace Actors.NodeAgent.Services;

/// <summary>
/// One consistent view of the Services and Endpoints, replaced whole on every change, so that a connection or a
/// DNS query reads either the old or the new state and never a half-applied one.
/// </summary>
public sealed class ServiceSnapshot
{
    public static readonly ServiceSnapshot Empty = new([], [], servicesListed: false);

    private readonly Dictionary<(string Namespace, string Name), ServiceInfo> _services;
    private readonly Dictionary<(string Namespace, string Name), EndpointsInfo> _endpoints;
    private readonly Dictionary<ServicePortKey, IReadOnlyList<IPEndPoint>> _targets = [];

    public ServiceSnapshot(IEnumerable<ServiceInfo> services, IEnumerable<EndpointsInfo> endpoints, bool servicesListed = true)
    {
        ServicesListed = servicesListed;
        _services = services.ToDictionary(s => (s.Namespace, s.Name));
        _endpoints = endpoints.ToDictionary(e => (e.Namespace, e.Name));
        foreach (var service in _services.Values)
        {
            var backing = _endpoints.GetValueOrDefault((service.Namespace, service.Name));
            foreach (var port in service.Ports)
            {
                _targets[new ServicePortKey(service.Namespace, service.Name, port.Name)] = EndpointSelection.ReadyTargets(port, backing);
            }
        }
    }

    /// <summary>False until the node has read the Services once; until then it knows of none, not that there are none.</summary>
    public bool ServicesListed { get; }

    public IReadOnlyCollection<ServiceInfo> Services => _services.Values;

    /// <summary>The ready endpoints of a Service port; empty when it or its Endpoints are unknown.</summary>
    public IReadOnlyList<IPEndPoint> Targets(ServicePortKey key) => _targets.GetValueOrDefault(key) ?? [];

    public ServiceInfo? Service(string ns, string name) => _services.GetValueOrDefault((ns, name));

    /// <summary>The ready pod IPs behind a Service, whatever their ports (the records of a headless service).</summary>
    public IReadOnlyList<IPAddress> ReadyAddresses(string ns, string name) =>
        _endpoints.TryGetValue((ns, name), out var endpoints)
            ? [.. endpoints.Subsets.SelectMany(s => s.Addresses).Distinct(StringComparer.Ordinal)
                .Select(a => IPAddress.TryParse(a, out var ip) ? ip : null).OfType<IPAddress>()]
            : [];
}
