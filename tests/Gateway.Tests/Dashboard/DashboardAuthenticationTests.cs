using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Actors.Gateway.Tests.Dashboard;

/// <summary>The dashboard API and /metrics behind the Kubernetes API's tokens, with the page's session cookie.</summary>
[Trait("Category", "Unit")]
public sealed class DashboardAuthenticationTests
{
    private const string CookieName = "actors-dashboard";

    [Fact]
    public async Task The_api_answers_401_without_credentials_but_the_page_loads()
    {
        await using var app = await GatewayTestApp.StartAsync(secured: true);
        using var http = Client(app);
        var ct = TestContext.Current.CancellationToken;

        using var api = await http.GetAsync("/dashboard/api/cluster", ct);
        using var forged = await SendAsync(http, HttpMethod.Get, "/dashboard/api/cluster", cookie: "forged", ct: ct);
        using var page = await http.GetAsync("/dashboard/", ct);

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Contains("Log in", (await api.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData("wrong-token", HttpStatusCode.Unauthorized)]
    [InlineData("", HttpStatusCode.BadRequest)]
    public async Task Login_with_a_bad_token_fails_and_sets_no_cookie(string token, HttpStatusCode expected)
    {
        await using var app = await GatewayTestApp.StartAsync(secured: true);
        using var http = Client(app);

        using var response = await LoginAsync(http, token, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Login_with_the_admin_token_gives_a_session_cookie_until_logout()
    {
        await using var app = await GatewayTestApp.StartAsync(secured: true);
        using var http = Client(app);
        var ct = TestContext.Current.CancellationToken;

        using var login = await LoginAsync(http, app.AdminToken!, ct);
        var (cookie, attributes) = SessionCookie(login);
        using var withCookie = await SendAsync(http, HttpMethod.Get, "/dashboard/api/grains", cookie: cookie, ct: ct);
        using var withBearer = await SendAsync(http, HttpMethod.Get, "/dashboard/api/cluster", bearer: app.AdminToken, ct: ct);
        using var logout = await SendAsync(http, HttpMethod.Post, "/dashboard/logout", cookie: cookie, ct: ct);
        using var afterLogout = await SendAsync(http, HttpMethod.Get, "/dashboard/api/grains", cookie: cookie, ct: ct);

        Assert.Equal(HttpStatusCode.SeeOther, login.StatusCode);
        Assert.Equal("/dashboard/", login.Headers.Location?.OriginalString);
        Assert.DoesNotContain(app.AdminToken!, cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", attributes);
        Assert.Contains("secure", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/dashboard", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("expires", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, withCookie.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withBearer.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
    }

    [Fact]
    public async Task A_login_link_needs_the_admin_token_and_works_once()
    {
        await using var app = await GatewayTestApp.StartAsync(secured: true);
        using var http = Client(app);
        var ct = TestContext.Current.CancellationToken;

        using var anonymous = await SendAsync(http, HttpMethod.Post, "/dashboard/login-links", ct: ct);
        using var wrong = await SendAsync(http, HttpMethod.Post, "/dashboard/login-links", bearer: "wrong", ct: ct);
        using var created = await SendAsync(http, HttpMethod.Post, "/dashboard/login-links", bearer: app.AdminToken, ct: ct);
        var link = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        var path = link.GetProperty("path").GetString()!;
        using var first = await http.GetAsync(path, ct);
        var (cookie, _) = SessionCookie(first);
        using var api = await SendAsync(http, HttpMethod.Get, "/dashboard/api/cluster", cookie: cookie, ct: ct);
        using var second = await http.GetAsync(path, ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/dashboard/login?code={link.GetProperty("code").GetString()}", path);
        Assert.True(link.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(4));
        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal("/dashboard/", first.Headers.Location?.OriginalString);
        Assert.Equal("no-referrer", first.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        Assert.Equal("/dashboard/#login=expired", second.Headers.Location?.OriginalString);
        Assert.False(second.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Metrics_need_a_bearer_token()
    {
        await using var app = await GatewayTestApp.StartAsync(secured: true);
        using var http = Client(app);
        var ct = TestContext.Current.CancellationToken;

        using var anonymous = await http.GetAsync("/metrics", ct);
        var status = await anonymous.Content.ReadFromJsonAsync<JsonElement>(ct);
        using var wrong = await SendAsync(http, HttpMethod.Get, "/metrics", bearer: "wrong", ct: ct);
        using var admin = await SendAsync(http, HttpMethod.Get, "/metrics", bearer: app.AdminToken, ct: ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Status", status.GetProperty("kind").GetString());
        Assert.Equal(401, status.GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("actors_grain_activations", await admin.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task Without_gateway_security_everything_stays_open()
    {
        await using var app = await GatewayTestApp.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        using var api = await app.Http.GetAsync("/dashboard/api/cluster", ct);
        using var metrics = await app.Http.GetAsync("/metrics", ct);
        using var links = await app.Http.PostAsync("/dashboard/login-links", null, ct);

        Assert.Null(app.AdminToken);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, links.StatusCode);
    }

    /// <summary>No automatic redirects or cookie jar: the tests look at each 303 and Set-Cookie themselves.</summary>
    private static HttpClient Client(GatewayTestApp app) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };

    private static Task<HttpResponseMessage> LoginAsync(HttpClient http, string token, CancellationToken ct) =>
        http.PostAsync("/dashboard/login", new FormUrlEncodedContent([new("token", token)]), ct);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? bearer = null, string? cookie = null, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{CookieName}={cookie}");
        }
        return await http.SendAsync(request, ct);
    }

    private static (string Value, string[] Attributes) SessionCookie(HttpResponseMessage response)
    {
        var header = Assert.Single(response.Headers.GetValues("Set-Cookie"), h => h.StartsWith(CookieName + "=", StringComparison.Ordinal));
        var parts = header.Split(';', StringSplitOptions.TrimEntries);
        return (parts[0][(CookieName.Length + 1)..], parts[1..].Select(p => p.ToLowerInvariant()).ToArray());
    }
}
