using Actors.Grains.Abstractions.Resources;

namespace Actors.Grains.Abstractions.Tests.Resources;

[Trait("Category", "Unit")]
public sealed class PodTemplateHashTests
{
    private static PodTemplateSpec Template(string image, Dictionary<string, string>? labels = null) => new()
    {
        Metadata = new ObjectMeta { Labels = labels ?? new() { ["app"] = "nginx" } },
        Spec = new PodSpec { Containers = [new Container { Name = "nginx", Image = image }] },
    };

    [Fact]
    public void Compute_IsStableAndUsesTheSafeAlphabet()
    {
        var hash = PodTemplateHash.Compute(Template("nginx:1.19"));

        Assert.Equal(hash, PodTemplateHash.Compute(Template("nginx:1.19")));
        Assert.InRange(hash.Length, 1, 10);
        Assert.All(hash, c => Assert.Contains(c, "bcdfghjklmnpqrstvwxz2456789"));
    }

    [Fact]
    public void Compute_IgnoresThePodTemplateHashLabelAndKeyOrder()
    {
        var plain = PodTemplateHash.Compute(Template("nginx:1.19", new() { ["a"] = "1", ["b"] = "2" }));
        var labelled = PodTemplateHash.Compute(Template("nginx:1.19", new() { ["b"] = "2", ["pod-template-hash"] = "xyz", ["a"] = "1" }));

        Assert.Equal(plain, labelled);
    }

    [Fact]
    public void Compute_ChangesWithTheTemplateAndTheCollisionCount()
    {
        var a = PodTemplateHash.Compute(Template("nginx:1.19"));

        Assert.NotEqual(a, PodTemplateHash.Compute(Template("nginx:1.20")));
        Assert.NotEqual(a, PodTemplateHash.Compute(Template("nginx:1.19"), collisionCount: 1));
    }
}
