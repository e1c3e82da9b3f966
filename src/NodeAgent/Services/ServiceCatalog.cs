using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Store;

namespace Actors.NodeAgent.Services;

/// <summary>
/// The node's mirror of Services and Endpoints, fed by lists and watch events; each change publishes a new
/// <see cref="ServiceSnapshot"/>. Not thread-safe on the write side: one feeder at a time, under the caller's lock.
/// </summary>
public sealed class ServiceCatalog
{
    private readonly Dictionary<(string, string), ServiceInfo> _services = [];
    private readonly Dictionary<(string, string), EndpointsInfo> _endpoints = [];
    private volatile ServiceSnapshot _snapshot = ServiceSnapshot.Empty;
    private bool _servicesListed;

    public ServiceSnapshot Snapshot => _snapshot;

    /// <summary>Replaces everything of one kind with a fresh list (after a start or a lost watch).</summary>
    public void Replace(string kind, IEnumerable<JsonObject> objects)
    {
        if (kind == ServiceObjects.ServiceKind)
        {
            _services.Clear();
            _servicesListed = true;
        }
        else
        {
            _endpoints.Clear();
        }
        foreach (var obj in objects)
        {
            Put(kind, obj);
        }
        Publish();
    }

    public void Apply(WatchEvent change)
    {
        if (change.Type == WatchEventType.Deleted)
        {
            Remove(change.Kind, change.Object);
        }
        else
        {
            Put(change.Kind, change.Object);
        }
        Publish();
    }

    private void Put(string kind, JsonObject obj)
    {
        if (kind == ServiceObjects.ServiceKind)
        {
            var service = ServiceObjects.ReadService(obj);
            _services[(service.Namespace, service.Name)] = service;
        }
        else
        {
            var endpoints = ServiceObjects.ReadEndpoints(obj);
            _endpoints[(endpoints.Namespace, endpoints.Name)] = endpoints;
        }
    }

    private void Remove(string kind, JsonObject obj)
    {
        if (kind == ServiceObjects.ServiceKind)
        {
            var service = ServiceObjects.ReadService(obj);
            _services.Remove((service.Namespace, service.Name));
        }
        else
        {
            var endpoints = ServiceObjects.ReadEndpoints(obj);
            _endpoints.Remove((endpoints.Namespace, endpoints.Name));
        }
    }

    private void Publish() => _snapshot = new ServiceSnapshot(_services.Values, _endpoints.Values, _servicesListed);
}
