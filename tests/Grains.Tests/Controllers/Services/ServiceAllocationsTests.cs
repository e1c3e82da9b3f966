using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Controllers.Services;

namespace Actors.Grains.Tests.Controllers.Services;

[Trait("Category", "Unit")]
public sealed class ServiceAllocationsTests
{
    private static ServiceAllocations Allocations(params (string Service, string? IP, int[] Ports)[] held)
    {
        var allocations = new ServiceAllocations(Ipv4Cidr.ServiceDefault, AllocationRange.NodePortDefault);
        foreach (var (service, ip, ports) in held)
        {
            allocations.Settle(service, new ServiceAddresses(ip, ports));
        }
        return allocations;
    }

    private static string Outcome(ServiceAllocationResult result) => result.Allocated is { } allocated
        ? $"{allocated.ClusterIP ?? "none"} [{string.Join(",", allocated.NodePorts)}]"
        : string.Join(" | ", result.Causes.Select(c => $"{c.Field}: {c.Message}"));

    public static TheoryData<string, (string, string?, int[])[], string?, int[], string> ReserveCases => new()
    {
        { "first clusterIP above the static band", [], "", [], "10.96.1.1 []" },
        { "next free clusterIP", [("default/a", "10.96.1.1", [])], "", [], "10.96.1.2 []" },
        { "explicit clusterIP in the static band", [], "10.96.0.10", [], "10.96.0.10 []" },
        {
            "explicit clusterIP another service holds", [("default/a", "10.96.0.10", [])], "10.96.0.10", [],
            "spec.clusterIPs: Invalid value: []string{\"10.96.0.10\"}: failed to allocate IP 10.96.0.10: provided IP is already allocated"
        },
        { "its own clusterIP again", [("default/b", "10.96.0.10", [])], "10.96.0.10", [], "10.96.0.10 []" },
        { "an empty request reuses its own clusterIP", [("default/b", "10.96.3.3", [])], "", [], "10.96.3.3 []" },
        {
            "clusterIP outside the CIDR", [], "10.112.0.1", [],
            "spec.clusterIPs: Invalid value: []string{\"10.112.0.1\"}: failed to allocate IP 10.112.0.1: the provided IP (10.112.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12"
        },
        {
            "the network address", [], "10.96.0.0", [],
            "spec.clusterIPs: Invalid value: []string{\"10.96.0.0\"}: failed to allocate IP 10.96.0.0: the provided IP (10.96.0.0) is not in the valid range. The range of valid IPs is 10.96.0.0/12"
        },
        { "no clusterIP (headless)", [], null, [], "none []" },
        { "first nodePort above the static band", [], null, [0], "none [30086]" },
        { "nodePorts skip taken and explicit ones", [("default/a", null, [30087])], null, [0, 30086, 0], "none [30088,30086,30089]" },
        {
            "explicit nodePort another service holds", [("default/a", null, [30080])], null, [30080],
            "spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated"
        },
        {
            "nodePort out of range", [], null, [0, 8080],
            "spec.ports[1].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767"
        },
        { "one nodePort for TCP and UDP of a port", [], null, [30090, 30090], "none [30090,30090]" },
        { "an empty request reuses its own nodePorts", [("default/b", "10.96.1.9", [30100, 30101])], "", [30101, 0], "10.96.1.9 [30101,30100]" },
        {
            "every cause at once", [("default/a", "10.96.0.10", [30080])], "10.96.0.10", [30080],
            "spec.clusterIPs: Invalid value: []string{\"10.96.0.10\"}: failed to allocate IP 10.96.0.10: provided IP is already allocated | spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated"
        },
    };

    [Theory]
    [MemberData(nameof(ReserveCases))]
    public void Reserve_GrantsOrNamesTheField(string scenario, (string, string?, int[])[] held, string? clusterIP, int[] nodePorts, string expected)
    {
        var allocations = Allocations(held);

        var outcome = Outcome(allocations.Reserve("default/b", new ServiceAddresses(clusterIP, nodePorts)));

        Assert.True(expected == outcome, $"{scenario}: {outcome}");
    }

    [Fact]
    public void Reserve_IsAllOrNothing()
    {
        var allocations = Allocations(("default/a", null, [30080]));

        Assert.Null(allocations.Reserve("default/b", new ServiceAddresses("10.96.0.20", [30080])).Allocated);

        Assert.Equal("10.96.0.20 []", Outcome(allocations.Reserve("default/c", new ServiceAddresses("10.96.0.20", []))));
    }

    [Fact]
    public void Reserve_KeepsWhatTheServiceHoldsUntilItSettles()
    {
        var allocations = Allocations(("default/a", "10.96.1.1", [30080]));

        Assert.Equal("10.96.1.1 [30090]", Outcome(allocations.Reserve("default/a", new ServiceAddresses("10.96.1.1", [30090]))));
        Assert.Null(allocations.Reserve("default/b", new ServiceAddresses(null, [30080])).Allocated);

        allocations.Settle("default/a", new ServiceAddresses("10.96.1.1", [30090]));
        Assert.Equal("none [30080]", Outcome(allocations.Reserve("default/b", new ServiceAddresses(null, [30080]))));
        Assert.Null(allocations.Reserve("default/c", new ServiceAddresses(null, [30090])).Allocated);
    }

    [Fact]
    public void Settle_WithNothing_ReleasesEverything()
    {
        var allocations = Allocations(("default/a", "10.96.0.10", [30080]));

        allocations.Settle("default/a", null);

        Assert.Equal("10.96.0.10 [30080]", Outcome(allocations.Reserve("default/b", new ServiceAddresses("10.96.0.10", [30080]))));
    }

    [Fact]
    public void Settle_CountsDuplicatesAlreadyStored_OneHolderAtATime()
    {
        var allocations = Allocations(("default/a", "10.96.0.5", []), ("default/b", "10.96.0.5", []));

        allocations.Settle("default/a", null);
        Assert.Null(allocations.Reserve("default/c", new ServiceAddresses("10.96.0.5", [])).Allocated);

        allocations.Settle("default/b", null);
        Assert.Equal("10.96.0.5 []", Outcome(allocations.Reserve("default/c", new ServiceAddresses("10.96.0.5", []))));
    }
}
