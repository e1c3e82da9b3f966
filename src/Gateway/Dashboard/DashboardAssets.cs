using System.Reflection;
using System.Security.Cryptography;

namespace Actors.Gateway.Dashboard;

/// <summary>
/// The compiled front end, embedded under the resource prefix <c>dashboard/</c> (Gateway.csproj), so the binary
/// serves it with nothing on disk and nothing fetched at run time.
/// </summary>
public sealed class DashboardAssets
{
    public const string ResourcePrefix = "dashboard/";

    private readonly Dictionary<string, DashboardAsset> _assets;

    private DashboardAssets(Dictionary<string, DashboardAsset> assets)
    {
        _assets = assets;
    }

    public static DashboardAssets Embedded { get; } = Load(typeof(DashboardAssets).Assembly);

    public IReadOnlyCollection<string> Names => _assets.Keys;

    public bool TryGet(string name, out DashboardAsset asset) => _assets.TryGetValue(name, out asset!);

    /// <summary>Only the kinds of file the front end has; anything else is served as bytes.</summary>
    public static string ContentTypeFor(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".json" or ".map" => "application/json; charset=utf-8",
        _ => "application/octet-stream",
    };

    private static DashboardAssets Load(Assembly assembly)
    {
        var assets = new Dictionary<string, DashboardAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var name = resource[ResourcePrefix.Length..];
            assets[name] = new DashboardAsset(name, ContentTypeFor(name), content, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
        }
        return new DashboardAssets(assets);
    }
}
