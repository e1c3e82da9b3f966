using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Actors.DockerBench;

/// <summary>
/// The Kubernetes API of <c>actors up</c> as kubectl reaches it: the server, CA and bearer token from the
/// kubeconfig it wrote, but without a process per request, so polling every 50 ms is possible.
/// </summary>
internal sealed partial class KubeApi : IDisposable
{
    private readonly HttpClient _http;

    public KubeApi(string kubeconfigPath)
    {
        var kubeconfig = File.ReadAllText(kubeconfigPath);
        var ca = X509Certificate2.CreateFromPem(Encoding.UTF8.GetString(Convert.FromBase64String(Field(kubeconfig, "certificate-authority-data"))));
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None && certificate is not null && IssuedBy(ca, certificate);
        _http = new HttpClient(handler) { BaseAddress = new Uri(Field(kubeconfig, "server").TrimEnd('/') + "/") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Field(kubeconfig, "token"));
    }

    public async Task<JsonNode?> GetAsync(string path) => await SendAsync(HttpMethod.Get, path, null);

    public async Task<JsonNode?> PostAsync(string path, JsonNode body) => await SendAsync(HttpMethod.Post, path, body);

    public async Task<JsonNode?> PutAsync(string path, JsonNode body) => await SendAsync(HttpMethod.Put, path, body);

    public async Task DeleteAsync(string path) => await SendAsync(HttpMethod.Delete, path, null);

    public void Dispose() => _http.Dispose();

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private static bool IssuedBy(X509Certificate2 ca, X509Certificate certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(new X509Certificate2(certificate));
    }

    /// <summary>A scalar of the kubeconfig <c>actors up</c> writes (one <c>key: value</c> per line, values maybe double-quoted).</summary>
    private static string Field(string kubeconfig, string key)
    {
        var match = KubeconfigLine().Matches(kubeconfig).FirstOrDefault(m => m.Groups["key"].Value == key)
            ?? throw new InvalidDataException($"the kubeconfig has no {key}");
        return match.Groups["value"].Value.Trim().Trim('"');
    }

    [GeneratedRegex(@"^[ \t]*(?<key>[a-z-]+):[ \t]*(?<value>.+)$", RegexOptions.Multiline)]
    private static partial Regex KubeconfigLine();
}
