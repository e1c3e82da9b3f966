using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Actors.Grains;
using Actors.TestSupport;

namespace Actors.Gateway.Tests.Dashboard;

/// <summary>
/// Two `actors server` processes on PostgreSQL: the dashboard of either one shows both silos, the grains each
/// hosts, and the same objects.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class TwoSiloDashboardTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Either_silos_dashboard_shows_both_silos_and_the_grains_on_each()
    {
        await using var cluster = await ProcessCluster.StartAsync(silos: 2, [typeof(ControlPlane).Assembly], loadIntoServers: false);
        var ct = TestContext.Current.CancellationToken;
        // Enough grains that each silo gets some: ten nodes, a deployment and its pods, placed across both.
        for (var i = 0; i < 10; i++)
        {
            await HollowCluster.AddNodeAsync(cluster.Client, $"node-{i}", 0);
        }
        await HollowCluster.CreateDeploymentAsync(cluster.Client, "default", "web", 4);
        var servers = cluster.Silos.ToArray();

        foreach (var server in servers)
        {
            using var http = DashboardClient(server);
            JsonElement silos = default;
            await Eventually.WaitAsync($"{server.Name}'s dashboard to show both silos active", async () =>
            {
                silos = await GetAsync(http, "/dashboard/api/cluster", ct);
                return servers.All(s => silos.GetProperty("silos").EnumerateArray().Any(v =>
                    v.GetProperty("name").GetString() == s.Name && v.GetProperty("status").GetString() == "Active"));
            }, Timeout, () => silos.ToString());

            JsonElement grains = default;
            await Eventually.WaitAsync($"{server.Name}'s dashboard to show grains on each silo", async () =>
            {
                grains = await GetAsync(http, "/dashboard/api/grains", ct);
                var hosting = grains.GetProperty("grainTypes").EnumerateArray()
                    .Where(g => g.GetProperty("activations").GetInt32() > 0 && g.GetProperty("grainType").GetString() is "node" or "pod")
                    .Select(g => g.GetProperty("silo").GetString()!)
                    .ToArray();
                return servers.All(s => hosting.Any(address => address.Contains($":{s.SiloPort}@", StringComparison.Ordinal)));
            }, Timeout, () => grains.ToString());

            JsonElement deployments = default;
            await Eventually.WaitAsync($"{server.Name}'s objects view to show the deployment rolled out", async () =>
            {
                deployments = await GetAsync(http, "/dashboard/api/objects/deployments?namespace=default", ct);
                return deployments.GetProperty("items").EnumerateArray().Any(d => d.GetProperty("name").GetString() == "web" && d.GetProperty("rolledOut").GetBoolean());
            }, Timeout, () => deployments.ToString());
        }
    }

    /// <summary>An HTTPS client that trusts exactly the server's cluster CA and sends its admin token.</summary>
    private static HttpClient DashboardClient(ActorsServerProcess server)
    {
        var ca = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(server.DataDirectory, "ca.crt")));
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                CertificateChainPolicy = new X509ChainPolicy
                {
                    TrustMode = X509ChainTrustMode.CustomRootTrust,
                    CustomTrustStore = { ca },
                    RevocationMode = X509RevocationMode.NoCheck,
                },
            },
        };
        var client = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{server.ApiPort}"), Timeout = TimeSpan.FromSeconds(20) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText(Path.Combine(server.DataDirectory, "admin.token")).Trim());
        return client;
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string path, CancellationToken ct) =>
        JsonDocument.Parse(await http.GetStringAsync(path, ct)).RootElement.Clone();
}
