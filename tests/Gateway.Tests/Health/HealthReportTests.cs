using Actors.Gateway.Health;

namespace Actors.Gateway.Tests.Health;

[Trait("Category", "Unit")]
public sealed class HealthReportTests
{
    private static readonly HealthCheck[] Healthy = [HealthCheck.Ok("ping"), HealthCheck.Ok("silo")];
    private static readonly HealthCheck[] SiloDown = [HealthCheck.Ok("ping"), HealthCheck.Failed("silo", "the silo is Joining, not Active")];

    public static TheoryData<HealthCheck[], bool, string[], int, string> Cases => new()
    {
        { Healthy, false, [], 200, "ok" },
        { Healthy, true, [], 200, "[+]ping ok\n[+]silo ok\nreadyz check passed\n" },
        { SiloDown, false, [], 500, "[+]ping ok\n[-]silo failed: reason withheld\nreadyz check failed\n" },
        { SiloDown, true, [], 500, "[+]ping ok\n[-]silo failed: reason withheld\nreadyz check failed\n" },
        { SiloDown, false, ["silo"], 200, "ok" },
        { SiloDown, true, ["silo"], 200, "[+]ping ok\n[+]silo excluded: ok\nreadyz check passed\n" },
        { Healthy, true, ["nope"], 200, "[+]ping ok\n[+]silo ok\nwarn: some health checks cannot be excluded: no matches for \"nope\"\nreadyz check passed\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Renders_like_the_kubernetes_api_server(HealthCheck[] checks, bool verbose, string[] excluded, int status, string body)
    {
        var response = HealthReport.Render("readyz", checks, verbose, excluded);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(body, response.Body);
    }

    [Fact]
    public void A_single_check_tells_its_reason()
    {
        Assert.Equal(new HealthResponse(200, "ok"), HealthReport.RenderSingle(HealthCheck.Ok("ping"), "ping"));
        Assert.Equal(new HealthResponse(500, "internal server error: the silo is Dead\n"), HealthReport.RenderSingle(HealthCheck.Failed("silo", "the silo is Dead"), "silo"));
        Assert.Equal(404, HealthReport.RenderSingle(null, "etcd").StatusCode);
    }
}
