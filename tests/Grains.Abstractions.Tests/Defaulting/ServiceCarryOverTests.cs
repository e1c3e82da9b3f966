using Actors.Grains.Abstractions.Defaulting;
using Actors.Grains.Abstractions.Resources;

namespace Actors.Grains.Abstractions.Tests.Defaulting;

[Trait("Category", "Unit")]
public sealed class ServiceCarryOverTests
{
    private static Service Svc(string spec) =>
        KubernetesJson.Deserialize<Service>($$"""{"apiVersion":"v1","kind":"Service","metadata":{"name":"svc","namespace":"default"},"spec":{{spec}}}""");

    public static TheoryData<string, string, string, string> Cases => new()
    {
        {
            "clusterIP and clusterIPs left out are kept",
            """{"clusterIP":"10.96.1.1","clusterIPs":["10.96.1.1"],"ports":[{"port":80}]}""",
            """{"ports":[{"port":80}]}""",
            """{"ports":[{"port":80}],"clusterIP":"10.96.1.1","clusterIPs":["10.96.1.1"]}"""
        },
        {
            "a changed clusterIP is not overwritten (validation reports it)",
            """{"clusterIP":"10.96.1.1","ports":[{"port":80}]}""",
            """{"clusterIP":"10.96.1.2","ports":[{"port":80}]}""",
            """{"ports":[{"port":80}],"clusterIP":"10.96.1.2"}"""
        },
        {
            "nodePorts left out are kept by port name",
            """{"type":"NodePort","ports":[{"name":"a","port":80,"nodePort":30080},{"name":"b","port":81,"nodePort":30081}]}""",
            """{"type":"NodePort","ports":[{"name":"a","port":80},{"name":"b","port":81,"nodePort":30099}]}""",
            """{"ports":[{"name":"a","port":80,"nodePort":30080},{"name":"b","port":81,"nodePort":30099}],"type":"NodePort"}"""
        },
        {
            "a nodePort another port now asks for stays with that port",
            """{"type":"NodePort","ports":[{"name":"a","port":80,"nodePort":30080}]}""",
            """{"type":"NodePort","ports":[{"name":"a","port":80},{"name":"b","port":81,"nodePort":30080}]}""",
            """{"ports":[{"name":"a","port":80},{"name":"b","port":81,"nodePort":30080}],"type":"NodePort"}"""
        },
        {
            "to ClusterIP with the nodePorts unchanged drops them",
            """{"type":"NodePort","clusterIP":"10.96.1.1","ports":[{"port":80,"nodePort":30080}]}""",
            """{"type":"ClusterIP","clusterIP":"10.96.1.1","ports":[{"port":80,"nodePort":30080}]}""",
            """{"ports":[{"port":80}],"clusterIP":"10.96.1.1","type":"ClusterIP"}"""
        },
        {
            "to ClusterIP with a changed nodePort keeps it (validation reports it)",
            """{"type":"NodePort","clusterIP":"10.96.1.1","ports":[{"port":80,"nodePort":30080}]}""",
            """{"type":"ClusterIP","clusterIP":"10.96.1.1","ports":[{"port":80,"nodePort":30081}]}""",
            """{"ports":[{"port":80,"nodePort":30081}],"clusterIP":"10.96.1.1","type":"ClusterIP"}"""
        },
        {
            "to ExternalName with the clusterIP unchanged drops it and the IP families",
            """{"clusterIP":"10.96.1.1","clusterIPs":["10.96.1.1"],"ipFamilies":["IPv4"],"ipFamilyPolicy":"SingleStack"}""",
            """{"type":"ExternalName","externalName":"example.com","clusterIP":"10.96.1.1","clusterIPs":["10.96.1.1"],"ipFamilies":["IPv4"],"ipFamilyPolicy":"SingleStack"}""",
            """{"type":"ExternalName","externalName":"example.com"}"""
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_CarriesOverAsKubernetesStrategyDoes(string scenario, string oldSpec, string newSpec, string expected)
    {
        var input = Svc(newSpec);
        var before = KubernetesJson.Serialize(input);

        var carried = ServiceCarryOver.Apply(input, Svc(oldSpec));

        Assert.Equal(before, KubernetesJson.Serialize(input));
        Assert.True(KubernetesJson.Serialize(Svc(expected).Spec) == KubernetesJson.Serialize(carried.Spec), $"{scenario}: {KubernetesJson.Serialize(carried.Spec)}");
    }
}
