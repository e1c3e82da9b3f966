using Actors.Gateway.Health;
using Actors.Runtime;

namespace Actors.Gateway.Tests.Health;

[Trait("Category", "Unit")]
public sealed class HealthChecksTests
{
    [Theory]
    [InlineData("readyz", SiloStatus.Active, false, "ping+ silo+ shutdown+")]
    [InlineData("readyz", SiloStatus.Joining, false, "ping+ silo- shutdown+")]
    [InlineData("readyz", SiloStatus.ShuttingDown, false, "ping+ silo- shutdown+")]
    [InlineData("readyz", SiloStatus.Active, true, "ping+ silo+ shutdown-")]
    [InlineData("livez", SiloStatus.Joining, false, "ping+ silo+")]
    [InlineData("livez", SiloStatus.ShuttingDown, true, "ping+ silo+")]
    [InlineData("livez", SiloStatus.Dead, false, "ping+ silo-")]
    [InlineData("healthz", SiloStatus.Active, false, "ping+ silo+")]
    [InlineData("healthz", SiloStatus.Dead, false, "ping+ silo-")]
    [InlineData("readyz", null, false, "ping+ shutdown+")]
    [InlineData("livez", null, false, "ping+")]
    public void Checks_depend_on_the_endpoint_and_the_silo(string endpoint, SiloStatus? silo, bool shuttingDown, string expected)
    {
        var checks = HealthChecks.Evaluate(endpoint, silo, shuttingDown);

        Assert.Equal(expected, string.Join(" ", checks.Select(c => c.Name + (c.Healthy ? "+" : "-"))));
        Assert.All(checks.Where(c => !c.Healthy), c => Assert.False(string.IsNullOrEmpty(c.Reason)));
    }
}
