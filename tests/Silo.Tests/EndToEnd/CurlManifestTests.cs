using System.Text.Json.Nodes;
using Actors.TestSupport;

namespace Actors.Silo.Tests.EndToEnd;

/// <summary>
/// Manifest submission as the README shows it: plain curl (no Content-Type, so form encoding) posts a multi-document
/// file to a real <c>actors server</c>, trusting the cluster CA and sending the admin token, no kubectl involved.
/// </summary>
[Trait("Category", "E2E")]
public sealed class CurlManifestTests
{
    private const string Curl = "/usr/bin/curl";

    [Fact]
    public async Task Curl_deploys_an_application_from_a_multi_document_file_and_reposting_changes_nothing()
    {
        Assert.SkipUnless(File.Exists(Curl), "curl is not installed");
        await using var cluster = await HollowCluster.StartAsync(kubectl: null);
        var app = await cluster.WriteFileAsync("app.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: curled}\n---\n" + HollowCluster.WebDeployment);
        var url = $"https://127.0.0.1:{cluster.Server.ApiPort}";

        var first = JsonNode.Parse(await CurlAsync(cluster, "--data-binary", "@" + app, url + "/apis/actors.io/v1/manifests?namespace=curled"))!;
        var second = JsonNode.Parse(await CurlAsync(cluster, "--data-binary", "@" + app, url + "/apis/actors.io/v1/manifests?namespace=curled"))!;
        var deployment = JsonNode.Parse(await CurlAsync(cluster, url + "/apis/apps/v1/namespaces/curled/deployments/web"))!;

        Assert.Equal(["Namespace curled created", "Deployment web created"], Results(first));
        Assert.Equal(["Namespace curled unchanged", "Deployment web unchanged"], Results(second));
        Assert.Equal(3, (int)deployment["spec"]!["replicas"]!);
    }

    private static IEnumerable<string> Results(JsonNode answer) =>
        answer["items"]!.AsArray().Select(item => $"{item!["kind"]} {item["name"]} {item["result"]}");

    /// <summary>curl with the cluster CA and the admin token; its output, failing the test on any HTTP or TLS error.</summary>
    private static async Task<string> CurlAsync(HollowCluster cluster, params string[] arguments)
    {
        var token = (await File.ReadAllTextAsync(Path.Combine(cluster.DataDirectory, "admin.token"), TestContext.Current.CancellationToken)).Trim();
        var (exitCode, output, errors) = await ChildProcess.RunAsync(
            Curl, ["-sS", "--fail-with-body", "--cacert", Path.Combine(cluster.DataDirectory, "ca.crt"), "-H", $"Authorization: Bearer {token}", .. arguments], TimeSpan.FromSeconds(60));
        Assert.True(exitCode == 0, $"curl exited {exitCode}:\n{output}\n{errors}");
        return output;
    }
}
