using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using Actors.Gateway.Security;

namespace Actors.Gateway.Dashboard;

/// <summary>
/// What <c>actors dashboard</c> does: asks the running API for a one-time login link with the admin token from
/// the data directory, trusting only the cluster CA. The link's code works once, within five minutes.
/// </summary>
public static class LoginLinkClient
{
    public static async Task<Uri> CreateAsync(string dataDirectory, Uri server, CancellationToken cancellationToken)
    {
        var tokenPath = Path.Combine(dataDirectory, AdminToken.FileName);
        var caPath = Path.Combine(dataDirectory, CertificateStore.CaCertFile);
        if (!File.Exists(tokenPath) || !File.Exists(caPath))
        {
            throw new FileNotFoundException($"No admin token or cluster CA in {dataDirectory}: start `actors server` with this --data-dir first.");
        }
        var token = (await File.ReadAllTextAsync(tokenPath, cancellationToken)).Trim();
        using var ca = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(caPath, cancellationToken));
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                if (certificate is null)
                {
                    return false;
                }
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(certificate);
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = server };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dashboard/login-links");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var link = await response.Content.ReadFromJsonAsync<LoginLinkResponse>(cancellationToken)
            ?? throw new InvalidOperationException("The API answered without a login link.");
        return new Uri(server, link.Path);
    }
}
