using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Actors.Gateway.Tests.Dashboard;

[Trait("Category", "Browser")]
public sealed class DashboardBrowserTests
{
    private const float TimeoutMs = 20_000;

    [Fact]
    public async Task Dashboard_shows_the_cluster_updates_live_and_drills_down_into_a_grain()
    {
        await using var app = await GatewayTestApp.StartAsync(secured: true, controlPlane: true);
        for (var i = 0; i < 3; i++)
        {
            await app.Grains.GetGrain<ITallyGrain>("browser-" + i).AddAsync(5);
        }
        await app.Grains.GetGrain<ITallyGrain>("browser-0").StartTickingAsync(5000);
        await app.Grains.GetGrain<IEchoGrain>("browser").EchoAsync("hello");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Debian's chromium: Playwright never downloads a browser here.
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(TimeoutMs);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            // The API's 401s before logging in, and the wrong token's, are expected; Chromium logs each failed load.
            if (message.Type == "error" && !message.Text.Contains("status of 401", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        var expect = new LocatorAssertionsToContainTextOptions { Timeout = TimeoutMs };

        await page.GotoAsync(new Uri(app.BaseAddress, "/dashboard").ToString());

        // The API answers 401: the page asks for a token, refuses a wrong one, and takes the admin's.
        await Assertions.Expect(page.GetByTestId("login-form")).ToBeVisibleAsync(new() { Timeout = TimeoutMs });
        await page.GetByTestId("login-token").FillAsync("not-a-token");
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("not valid", expect);
        await page.GetByTestId("login-token").FillAsync(app.AdminToken!);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-form")).ToHaveCountAsync(0, new() { Timeout = TimeoutMs });
        Assert.DoesNotContain(app.AdminToken!, page.Url, StringComparison.Ordinal);
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "actors-dashboard");
        Assert.True(cookie.HttpOnly && cookie.Secure && cookie.SameSite == SameSiteAttribute.Strict, "the session cookie's attributes");

        var silo = page.GetByTestId("silo-row");
        await Assertions.Expect(silo).ToContainTextAsync("dashboard-test", expect);
        await Assertions.Expect(silo).ToContainTextAsync(app.Silo.Address.ToParsableString(), expect);
        await Assertions.Expect(silo.GetByTestId("silo-status")).ToContainTextAsync("Active", expect);
        await Assertions.Expect(silo.GetByTestId("silo-memory")).ToContainTextAsync("iB", expect);
        var tally = page.Locator("[data-testid=grain-type-row][data-grain-type=tally]");
        await Assertions.Expect(tally).ToContainTextAsync("tally", expect);
        await Assertions.Expect(page.Locator("[data-testid=grain-type-row][data-grain-type=echo]")).ToBeVisibleAsync(new() { Timeout = TimeoutMs });
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        var callsCell = tally.GetByTestId("grain-type-calls");
        var before = await callsCell.TextContentAsync();
        for (var i = 0; i < 20; i++)
        {
            await app.Grains.GetGrain<ITallyGrain>("browser-1").AddAsync(1);
        }
        await Assertions.Expect(callsCell).Not.ToHaveTextAsync(before ?? "", new() { Timeout = TimeoutMs });
        await Assertions.Expect(page.GetByTestId("chart-calls").Locator("polyline")).ToHaveCountAsync(1, new() { Timeout = TimeoutMs });
        await Assertions.Expect(page.GetByTestId("methods-calls")).ToContainTextAsync("AddAsync", expect);

        await tally.GetByTestId("grain-type-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("grain-type-detail")).ToContainTextAsync("tally/browser-0", expect);
        await page.GetByTestId("activation-link").Filter(new() { HasText = "tally/browser-0" }).ClickAsync();
        var state = page.GetByTestId("grain-state");
        await Assertions.Expect(state).ToContainTextAsync("\"total\": 5", expect);
        await Assertions.Expect(state).ToContainTextAsync("tally browser-0", expect);
        await Assertions.Expect(page.GetByTestId("grain-timers")).ToContainTextAsync("5.00 s", expect);
        await Assertions.Expect(page.GetByTestId("grain-calls")).ToContainTextAsync("AddAsync", expect);

        var artifacts = Path.Combine(RepositoryPaths.Root(), "artifacts");
        Directory.CreateDirectory(artifacts);
        await DeploymentRollsOutInTheObjectsViewAsync(app, page, expect, Path.Combine(artifacts, "dashboard-objects.png"));

        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page reloaded");
        await LoginLinkWorksOnceAsync(app, browser, expect);
        Assert.Empty(errors);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(artifacts, "dashboard.png"), FullPage = true });
        Assert.True(new FileInfo(Path.Combine(artifacts, "dashboard.png")).Length > 0);
    }

    /// <summary>
    /// A deployment rolls out on slow hollow nodes while the objects view is open: its numbers climb to 6/6 without
    /// a reload, the nodes show the pods they took, and the deployment's row opens its grain.
    /// </summary>
    private static async Task DeploymentRollsOutInTheObjectsViewAsync(GatewayTestApp app, IPage page, LocatorAssertionsToContainTextOptions expect, string screenshot)
    {
        var wait = new LocatorAssertionsToHaveTextOptions { Timeout = TimeoutMs };
        // Pods start 3 s after binding: the page, polling every second, sees the rollout before it is done.
        await HollowCluster.AddNodeAsync(app.Grains, "browser-node-a", 3000);
        await HollowCluster.AddNodeAsync(app.Grains, "browser-node-b", 3000);
        await page.GetByTestId("objects-tab-deployments").ClickAsync();
        await Assertions.Expect(page.GetByTestId("deployments-table")).ToContainTextAsync("No deployments", expect);

        await HollowCluster.CreateDeploymentAsync(app.Grains, "default", "web", 6);
        var deployment = page.Locator("[data-testid=deployment-row][data-name='default/web']");
        await Assertions.Expect(deployment).ToBeVisibleAsync(new() { Timeout = TimeoutMs });
        var available = deployment.GetByTestId("deployment-available");
        var first = await available.TextContentAsync();
        Assert.NotEqual("6/6", first);
        await Assertions.Expect(deployment.GetByTestId("deployment-rollout")).ToHaveTextAsync("progressing", wait);
        await Assertions.Expect(available).ToHaveTextAsync("6/6", wait);
        await Assertions.Expect(deployment.GetByTestId("deployment-ready")).ToHaveTextAsync("6/6", wait);
        await Assertions.Expect(deployment.GetByTestId("deployment-rollout")).ToHaveTextAsync("rolled out", wait);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });

        await page.GetByTestId("objects-tab-pods").ClickAsync();
        await Assertions.Expect(page.GetByTestId("pod-row")).ToHaveCountAsync(6, new() { Timeout = TimeoutMs });
        await Assertions.Expect(page.GetByTestId("pods-table")).ToContainTextAsync("Running", expect);
        await page.GetByTestId("objects-tab-nodes").ClickAsync();
        await Assertions.Expect(page.GetByTestId("node-row")).ToHaveCountAsync(2, new() { Timeout = TimeoutMs });
        await Assertions.Expect(page.GetByTestId("nodes-table")).ToContainTextAsync("Ready (hollow)", expect);

        await page.GetByTestId("objects-tab-deployments").ClickAsync();
        await deployment.GetByTestId("object-grain-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("grain-detail")).ToContainTextAsync("deployment/default/web", expect);
        Assert.True(new FileInfo(screenshot).Length > 0);
    }

    /// <summary>A fresh browser opens a one-time link and lands on the dashboard; a second browser gets the spent-link message.</summary>
    private static async Task LoginLinkWorksOnceAsync(GatewayTestApp app, IBrowser browser, LocatorAssertionsToContainTextOptions expect)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dashboard/login-links");
        request.Headers.Authorization = new("Bearer", app.AdminToken);
        using var response = await app.Http.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var path = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("path").GetString()!;
        var link = new Uri(app.BaseAddress, path).ToString();

        await using var first = await browser.NewContextAsync();
        var page = await first.NewPageAsync();
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByTestId("silo-row")).ToContainTextAsync("dashboard-test", expect);
        Assert.EndsWith("/dashboard/", page.Url, StringComparison.Ordinal);

        await using var second = await browser.NewContextAsync();
        var again = await second.NewPageAsync();
        await again.GotoAsync(link);
        await Assertions.Expect(again.GetByTestId("login-error")).ToContainTextAsync("already used or has expired", expect);
    }
}
