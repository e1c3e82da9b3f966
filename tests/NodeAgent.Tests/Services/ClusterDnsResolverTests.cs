using Actors.NodeAgent.Services;
using Actors.NodeAgent.Services.Dns;

namespace Actors.NodeAgent.Tests.Services;

[Trait("Category", "Unit")]
public sealed class ClusterDnsResolverTests
{
    private static readonly ServiceSnapshot Snapshot = new(
        [
            ServiceFixtures.Service("web", "10.96.0.10", ServiceFixtures.Port()),
            ServiceFixtures.Service("db", "None", ServiceFixtures.Port()),
            ServiceFixtures.Service("pending", null, ServiceFixtures.Port()),
        ],
        [ServiceObjects.ReadEndpoints(ServiceFixtures.EndpointsJson("db", ["172.17.0.3", "172.17.0.2"], ["172.17.0.9"]))]);

    [Theory]
    [InlineData("web.default.svc.cluster.local", DnsType.A, DnsResponseCode.NoError, "10.96.0.10")]
    [InlineData("web.default.svc.cluster.local.", DnsType.Any, DnsResponseCode.NoError, "10.96.0.10")]
    [InlineData("web.default.svc.cluster.local", DnsType.Aaaa, DnsResponseCode.NoError, "")]
    [InlineData("db.default.svc.cluster.local", DnsType.A, DnsResponseCode.NoError, "172.17.0.3,172.17.0.2")]
    [InlineData("pending.default.svc.cluster.local", DnsType.A, DnsResponseCode.NoError, "")]
    [InlineData("missing.default.svc.cluster.local", DnsType.A, DnsResponseCode.NameError, "")]
    [InlineData("web.other.svc.cluster.local", DnsType.A, DnsResponseCode.NameError, "")]
    [InlineData("web.default.default.svc.cluster.local", DnsType.A, DnsResponseCode.NameError, "")]
    [InlineData("web.default.pod.cluster.local", DnsType.A, DnsResponseCode.NameError, "")]
    [InlineData("cluster.local", DnsType.A, DnsResponseCode.NameError, "")]
    [InlineData("example.com", DnsType.A, DnsResponseCode.Refused, "")]
    [InlineData("web.default.svc.notcluster.local", DnsType.A, DnsResponseCode.Refused, "")]
    public void Service_names_resolve_and_others_do_not(string name, ushort type, DnsResponseCode code, string addresses)
    {
        var answer = ClusterDnsResolver.Resolve(Query(name, type), Snapshot);

        Assert.Equal(code, answer.Code);
        Assert.Equal(addresses, string.Join(",", answer.Addresses));
        Assert.Equal(code != DnsResponseCode.Refused, answer.Authoritative);
    }

    [Fact]
    public void Another_class_is_refused() =>
        Assert.Equal(DnsResponseCode.Refused, ClusterDnsResolver.Resolve(Query("web.default.svc.cluster.local") with { Class = 3 }, Snapshot).Code);

    [Fact]
    public void Another_opcode_is_not_implemented() =>
        Assert.Equal(DnsResponseCode.NotImplemented, ClusterDnsResolver.Resolve(Query("web.default.svc.cluster.local") with { Opcode = 2 }, Snapshot).Code);

    [Fact]
    public void A_malformed_query_is_a_format_error() =>
        Assert.Equal(DnsResponseCode.FormatError, ClusterDnsResolver.Resolve(Query("") with { Malformed = true }, Snapshot).Code);

    private static DnsQuery Query(string name, ushort type = DnsType.A) => new(7, 0, true, name, type, DnsType.ClassIn, [], Malformed: false);
}
