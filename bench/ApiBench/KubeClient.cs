using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Actors.ApiBench;

/// <summary>
/// The server's Kubernetes API over HTTP/2 (several connections when streams run out), trusting only the cluster
/// CA from the data directory and sending the admin token from the kubeconfig the server wrote.
/// </summary>
internal sealed partial class KubeClient : IDisposable
{
    private readonly HttpClient _http;

    private KubeClient(HttpClient http) => _http = http;

    public static async Task<KubeClient> ConnectAsync(string dataDirectory, TimeSpan timeout)
    {
        var kubeconfigPath = Path.Combine(dataDirectory, "kubeconfig");
        var deadline = DateTime.UtcNow + timeout;
        while (!File.Exists(kubeconfigPath) || new FileInfo(kubeconfigPath).Length == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no {kubeconfigPath} after {timeout.TotalSeconds:0} s");
            }
            await Task.Delay(100);
        }
        await Task.Delay(200);
        var kubeconfig = await File.ReadAllTextAsync(kubeconfigPath);
        var ca = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(dataDirectory, "ca.crt")));
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None && certificate is not null && IssuedBy(ca, certificate);
        var http = new HttpClient(handler)
        {
            BaseAddress = new Uri(Field(kubeconfig, "server").TrimEnd('/') + "/"),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Field(kubeconfig, "token"));
        return new KubeClient(http);
    }

    /// <summary>Sends and reads the whole body; throws on a non-2xx answer.</summary>
    public async Task<string> SendAsync(HttpMethod method, string path, string? json = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType));
        }
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {path}: {(int)response.StatusCode} {text}");
        }
        return text;
    }

    public async Task<JsonNode> GetJsonAsync(string path) => JsonNode.Parse(await SendAsync(HttpMethod.Get, path))!;

    /// <summary>Opens a streaming GET (a watch) and returns once the response headers are in.</summary>
    public async Task<HttpResponseMessage> OpenStreamAsync(string path, CancellationToken cancellationToken)
    {
        var response = await _http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        return response;
    }

    public void Dispose() => _http.Dispose();

    private static bool IssuedBy(X509Certificate2 ca, X509Certificate certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(new X509Certificate2(certificate));
    }

    /// <summary>A scalar of the kubeconfig the server writes (one <c>key: value</c> per line, values maybe double-quoted).</summary>
    private static string Field(string kubeconfig, string key)
    {
        var match = KubeconfigLine().Matches(kubeconfig).FirstOrDefault(m => m.Groups["key"].Value == key)
            ?? throw new InvalidDataException($"the kubeconfig has no {key}");
        return match.Groups["value"].Value.Trim().Trim('"');
    }

    [GeneratedRegex(@"^[ \t]*(?<key>[a-z-]+):[ \t]*(?<value>.+)$", RegexOptions.Multiline)]
    private static partial Regex KubeconfigLine();
}
