using System.Net;
using Actors.NodeAgent.Services;

namespace Actors.NodeAgent.Tests.Services;

[Trait("Category", "Unit")]
public sealed class ListenerPlanTests
{
    private static readonly IPAddress Gateway = IPAddress.Parse("172.17.0.1");

    public static TheoryData<string, ServiceInfo, bool, string[]> Cases => new()
    {
        { "a ClusterIP service: its cluster IP and port", ServiceFixtures.Service("a", "10.96.0.5", ServiceFixtures.Port()), true, ["10.96.0.5:80 -> default/a:http"] },
        {
            "a NodePort service: also the node port on loopback and on the bridge gateway",
            ServiceFixtures.Service("b", "10.96.0.6", ServiceFixtures.Port(nodePort: 30080)), true,
            ["10.96.0.6:80 -> default/b:http", "127.0.0.1:30080 -> default/b:http", "172.17.0.1:30080 -> default/b:http"]
        },
        {
            "no bridge gateway known: loopback only",
            ServiceFixtures.Service("c", "10.96.0.7", ServiceFixtures.Port(nodePort: 30081)), false,
            ["10.96.0.7:80 -> default/c:http", "127.0.0.1:30081 -> default/c:http"]
        },
        { "headless: nothing to proxy", ServiceFixtures.Service("d", "None", ServiceFixtures.Port()), true, [] },
        { "no cluster IP allocated yet", ServiceFixtures.Service("e", null, ServiceFixtures.Port()), true, [] },
        { "an IPv6 cluster IP is not served", ServiceFixtures.Service("h", "fd00::10", ServiceFixtures.Port()), true, [] },
        {
            "a UDP port: UDP listeners on the same addresses",
            ServiceFixtures.Service("f", "10.96.0.8", ServiceFixtures.Port(protocol: "UDP", nodePort: 30053)), true,
            ["10.96.0.8:80/UDP -> default/f:http", "127.0.0.1:30053/UDP -> default/f:http", "172.17.0.1:30053/UDP -> default/f:http"]
        },
        { "SCTP is not proxied", ServiceFixtures.Service("i", "10.96.0.11", ServiceFixtures.Port(protocol: "SCTP")), true, [] },
        {
            "every TCP and UDP port of a multi-port service",
            ServiceFixtures.Service("g", "10.96.0.9", ServiceFixtures.Port("web", 80), ServiceFixtures.Port("admin", 9000), ServiceFixtures.Port("dns", 53, protocol: "UDP")), true,
            ["10.96.0.9:80 -> default/g:web", "10.96.0.9:9000 -> default/g:admin", "10.96.0.9:53/UDP -> default/g:dns"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Listeners_for_a_service(string because, ServiceInfo service, bool gatewayKnown, string[] expected)
    {
        var listeners = ListenerPlan.Listeners([service], gatewayKnown ? Gateway : null);

        Assert.True(expected.Order().SequenceEqual(listeners.Select(l => l.ToString()).Order()), $"{because}: {string.Join(", ", listeners)}");
    }

    [Fact]
    public void Loopback_carries_the_cluster_IPs_that_have_proxied_ports()
    {
        var services = new[]
        {
            ServiceFixtures.Service("a", "10.96.0.5", ServiceFixtures.Port()),
            ServiceFixtures.Service("d", "None", ServiceFixtures.Port()),
            ServiceFixtures.Service("f", "10.96.0.8", ServiceFixtures.Port(protocol: "UDP")),
            ServiceFixtures.Service("i", "10.96.0.11", ServiceFixtures.Port(protocol: "SCTP")),
        };

        Assert.Equal([IPAddress.Parse("10.96.0.5"), IPAddress.Parse("10.96.0.8")], ListenerPlan.LoopbackAddresses(services).OrderBy(a => a.ToString()));
    }

    [Fact]
    public void Diff_closes_what_is_gone_or_retargeted_and_opens_what_is_new()
    {
        var kept = new ListenerSpec(IPAddress.Loopback, 30080, new ServicePortKey("default", "a", "http"));
        var gone = new ListenerSpec(IPAddress.Loopback, 30081, new ServicePortKey("default", "b", "http"));
        var before = new ListenerSpec(IPAddress.Loopback, 30082, new ServicePortKey("default", "c", "http"));
        var after = before with { Target = new ServicePortKey("default", "d", "http") };

        var (close, open) = ListenerPlan.Diff(new HashSet<ListenerSpec> { kept, gone, before }, new HashSet<ListenerSpec> { kept, after });

        Assert.Equal([gone, before], close.OrderBy(l => l.Port));
        Assert.Equal([after], open);
    }
}
