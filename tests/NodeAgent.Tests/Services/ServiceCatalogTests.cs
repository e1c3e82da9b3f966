using Actors.Grains.Abstractions.Store;
using Actors.NodeAgent.Services;

namespace Actors.NodeAgent.Tests.Services;

[Trait("Category", "Unit")]
public sealed class ServiceCatalogTests
{
    private static readonly ServicePortKey Web = new("default", "web", "http");

    [Fact]
    public void Targets_follow_the_Endpoints_through_lists_and_watch_events()
    {
        var catalog = new ServiceCatalog();
        catalog.Replace(ServiceObjects.ServiceKind, [ServiceFixtures.ServiceJson("web", "10.96.0.10")]);
        catalog.Replace(ServiceObjects.EndpointsKind, [ServiceFixtures.EndpointsJson("web", ["172.17.0.2", "172.17.0.3"])]);
        Assert.Equal(["172.17.0.2:8080", "172.17.0.3:8080"], catalog.Snapshot.Targets(Web).Select(t => t.ToString()));

        catalog.Apply(new WatchEvent(WatchEventType.Modified, ServiceObjects.EndpointsKind, ServiceFixtures.EndpointsJson("web", ["172.17.0.3"], ["172.17.0.2"]), 5));
        Assert.Equal(["172.17.0.3:8080"], catalog.Snapshot.Targets(Web).Select(t => t.ToString()));

        catalog.Apply(new WatchEvent(WatchEventType.Deleted, ServiceObjects.EndpointsKind, ServiceFixtures.EndpointsJson("web", []), 6));
        Assert.Empty(catalog.Snapshot.Targets(Web));
        Assert.NotNull(catalog.Snapshot.Service("default", "web"));

        catalog.Apply(new WatchEvent(WatchEventType.Deleted, ServiceObjects.ServiceKind, ServiceFixtures.ServiceJson("web", "10.96.0.10"), 7));
        Assert.Empty(catalog.Snapshot.Services);
    }

    [Fact]
    public void A_fresh_list_replaces_what_the_watch_had_seen()
    {
        var catalog = new ServiceCatalog();
        catalog.Apply(new WatchEvent(WatchEventType.Added, ServiceObjects.ServiceKind, ServiceFixtures.ServiceJson("old", "10.96.0.11"), 3));

        catalog.Replace(ServiceObjects.ServiceKind, [ServiceFixtures.ServiceJson("web", "10.96.0.10")]);

        Assert.Equal(["web"], catalog.Snapshot.Services.Select(s => s.Name));
    }

    [Fact]
    public void The_Services_count_as_known_only_once_they_were_listed()
    {
        var catalog = new ServiceCatalog();
        Assert.False(catalog.Snapshot.ServicesListed);

        catalog.Replace(ServiceObjects.EndpointsKind, [ServiceFixtures.EndpointsJson("web", ["172.17.0.2"])]);
        catalog.Apply(new WatchEvent(WatchEventType.Added, ServiceObjects.ServiceKind, ServiceFixtures.ServiceJson("web", "10.96.0.10"), 3));
        Assert.False(catalog.Snapshot.ServicesListed);

        catalog.Replace(ServiceObjects.ServiceKind, []);
        Assert.True(catalog.Snapshot.ServicesListed);
        catalog.Apply(new WatchEvent(WatchEventType.Added, ServiceObjects.ServiceKind, ServiceFixtures.ServiceJson("web", "10.96.0.10"), 4));
        Assert.True(catalog.Snapshot.ServicesListed);
    }
}
