using Actors.Grains.Abstractions.Resources;

namespace Actors.Grains.Abstractions.Tests.Resources;

[Trait("Category", "Unit")]
public sealed class UnknownFieldsTests
{
    public static TheoryData<string, Type, string[]> Cases => new()
    {
        { """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"typo","labels":{"any.key/x":"y"}},"spec":{"replica":2,"selector":{"matchLabels":{"app":"typo"}},"template":{"metadata":{"labels":{"app":"typo"}},"spec":{"containers":[{"name":"c","image":"nginx:1.19","imagePulPolicy":"Always"}]}}}}""", typeof(Deployment), [".spec.replica", ".spec.template.spec.containers[0].imagePulPolicy"] },
        { """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"anything":"goes"},"extra":1}""", typeof(ConfigMap), [".extra"] },
        { """{"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":"a","resources":{"limits":{"cpu":"1"}}},{"name":"b","ports":[{"containerPort":80,"hostIp":"x"}]}]}}""", typeof(Pod), [".spec.containers[1].ports[0].hostIp"] },
        { """{"apiVersion":"v1","kind":"Service","spec":{"ports":[{"port":80,"targetPort":"http"}]}}""", typeof(Service), [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Find_ListsUnknownPaths(string json, Type type, string[] expected) =>
        Assert.Equal(expected, UnknownFields.Find(json, type));

    [Fact]
    public void Describe_UsesKubernetesWording() =>
        Assert.Equal("unknown field \"spec.replica\"", UnknownFields.Describe(".spec.replica"));
}
