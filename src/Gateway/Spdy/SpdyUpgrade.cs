using Actors.Gateway.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Actors.Gateway.Spdy;

/// <summary>
/// The HTTP/1.1 upgrade to SPDY/3.1 that Kubernetes' clients ask for (<c>Upgrade: SPDY/3.1</c>, the subprotocols
/// offered in <c>X-Stream-Protocol-Version</c>): answered 101 with the chosen one, then the connection is SPDY's.
/// </summary>
internal static class SpdyUpgrade
{
    private const string ProtocolHeader = "X-Stream-Protocol-Version";

    public static bool IsRequested(HttpRequest request) =>
        request.Headers.Upgrade.Any(u => u is not null && u.StartsWith("SPDY/3.1", StringComparison.OrdinalIgnoreCase));

    /// <summary>The first of <paramref name="supported"/> (most preferred first) that the client offers; null when none.</summary>
    public static string? ChooseProtocol(HttpRequest request, IReadOnlyList<string> supported)
    {
        var offered = request.Headers[ProtocolHeader]
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        return supported.FirstOrDefault(offered.Contains);
    }

    /// <summary>Switches the connection to SPDY; the returned stream carries its frames both ways.</summary>
    public static async Task<Stream> AcceptAsync(HttpContext context, string protocol)
    {
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        if (upgrade is not { IsUpgradableRequest: true })
        {
            throw new KubeStatusException(KubeStatus.BadRequest("the SPDY upgrade needs an HTTP/1.1 request with Connection: Upgrade"));
        }
        context.Response.Headers[ProtocolHeader] = protocol;
        context.Response.Headers.Upgrade = "SPDY/3.1";
        context.Response.Headers.Connection = "Upgrade";
        return await upgrade.UpgradeAsync();
    }
}
