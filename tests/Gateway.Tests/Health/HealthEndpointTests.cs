using System.Net;
using Actors.Gateway.Tests.Dashboard;

namespace Actors.Gateway.Tests.Health;

[Trait("Category", "Unit")]
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthy_silo_answers_ok_and_lists_checks_when_verbose()
    {
        await using var app = await GatewayTestApp.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        foreach (var path in new[] { "/healthz", "/livez", "/readyz" })
        {
            using var response = await app.Http.GetAsync(path, ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            Assert.Equal("ok", await response.Content.ReadAsStringAsync(ct));
        }
        Assert.Equal("[+]ping ok\n[+]silo ok\n[+]shutdown ok\nreadyz check passed\n", await app.Http.GetStringAsync("/readyz?verbose", ct));
        Assert.Equal("ok", await app.Http.GetStringAsync("/readyz/silo", ct));
    }

    [Fact]
    public async Task Readyz_fails_once_the_silo_is_no_longer_active()
    {
        await using var app = await GatewayTestApp.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        await app.Silo.StopAsync(ct);

        using var ready = await app.Http.GetAsync("/readyz", ct);
        Assert.Equal(HttpStatusCode.InternalServerError, ready.StatusCode);
        Assert.Equal("[+]ping ok\n[-]silo failed: reason withheld\n[+]shutdown ok\nreadyz check failed\n", await ready.Content.ReadAsStringAsync(ct));
        using var single = await app.Http.GetAsync("/readyz/silo", ct);
        Assert.Equal(HttpStatusCode.InternalServerError, single.StatusCode);
        Assert.Contains("the silo is Dead, not Active", await single.Content.ReadAsStringAsync(ct));
        using var excluded = await app.Http.GetAsync("/readyz?exclude=silo", ct);
        Assert.Equal(HttpStatusCode.OK, excluded.StatusCode);
    }
}
