using Actors.NodeAgent.Services;

namespace Actors.NodeAgent.Tests.Services;

[Trait("Category", "Unit")]
public sealed class EndpointSelectionTests
{
    private static readonly EndpointPortInfo Http = new("http", "TCP", 8080);

    public static TheoryData<string, ServicePortInfo, EndpointSubsetInfo[], string[]> Cases => new()
    {
        { "the port named like the service port", ServiceFixtures.Port("http"), [Subset(["10.0.0.2"], [], Http, new EndpointPortInfo("metrics", "TCP", 9090))], ["10.0.0.2:8080"] },
        { "an unnamed single port", ServiceFixtures.Port(""), [Subset(["10.0.0.2"], [], new EndpointPortInfo("", "TCP", 8081))], ["10.0.0.2:8081"] },
        { "not the same protocol", ServiceFixtures.Port("http", protocol: "UDP"), [Subset(["10.0.0.2"], [], Http)], [] },
        { "no port of that name", ServiceFixtures.Port("grpc"), [Subset(["10.0.0.2"], [], Http)], [] },
        { "no ports listed: the numeric targetPort", ServiceFixtures.Port("http", targetPort: "9000"), [Subset(["10.0.0.2"], [])], ["10.0.0.2:9000"] },
        { "no ports listed and a named targetPort", ServiceFixtures.Port("http", targetPort: "web"), [Subset(["10.0.0.2"], [])], [] },
        { "not-ready addresses take no traffic", ServiceFixtures.Port("http"), [Subset(["10.0.0.3"], ["10.0.0.2"], Http)], ["10.0.0.3:8080"] },
        { "every subset, ordered, once", ServiceFixtures.Port("http"), [Subset(["10.0.0.9", "10.0.0.2"], [], Http), Subset(["10.0.0.5", "10.0.0.2"], [], Http)], ["10.0.0.2:8080", "10.0.0.5:8080", "10.0.0.9:8080"] },
        { "an address that is not an IP is skipped", ServiceFixtures.Port("http"), [Subset(["pod-a", "10.0.0.2"], [], Http)], ["10.0.0.2:8080"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ready_targets_of_a_service_port(string because, ServicePortInfo port, EndpointSubsetInfo[] subsets, string[] expected)
    {
        var targets = EndpointSelection.ReadyTargets(port, new EndpointsInfo("default", "web", subsets));

        Assert.True(expected.SequenceEqual(targets.Select(t => t.ToString())), $"{because}: {string.Join(", ", targets)}");
    }

    [Fact]
    public void No_Endpoints_object_means_no_targets() =>
        Assert.Empty(EndpointSelection.ReadyTargets(ServiceFixtures.Port(), null));

    private static EndpointSubsetInfo Subset(string[] ready, string[] notReady, params EndpointPortInfo[] ports) => new(ready, notReady, ports);
}
