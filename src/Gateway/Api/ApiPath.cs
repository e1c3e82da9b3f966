using Actors.Grains.Abstractions.Resources;

namespace Actors.Gateway.Api;

/// <summary>
/// Parses <c>/api/...</c> and <c>/apis/...</c> paths into discovery requests or a <see cref="ResourceTarget"/>,
/// as a pure function so routing is testable without a server. A trailing slash is ignored (the Python client).
/// </summary>
internal static class ApiPath
{
    public static ApiPathResult Parse(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return ApiPathResult.NotFound;
        }
        switch (segments[0])
        {
            case "api" when segments.Length == 1:
                return new ApiPathResult(ApiPathKind.LegacyVersions);
            case "api" when segments[1] == "v1":
                return segments.Length == 2 ? new ApiPathResult(ApiPathKind.ResourceList, "", "v1") : Resource("", "v1", segments[2..]);
            case "apis" when segments.Length == 1:
                return new ApiPathResult(ApiPathKind.GroupList);
            case "apis" when segments.Length == 2:
                return new ApiPathResult(ApiPathKind.Group, segments[1]);
            case "apis" when segments.Length == 3:
                return new ApiPathResult(ApiPathKind.ResourceList, segments[1], segments[2]);
            case "apis":
                return Resource(segments[1], segments[2], segments[3..]);
            default:
                return ApiPathResult.NotFound;
        }
    }

    private static ApiPathResult Resource(string group, string version, string[] rest)
    {
        // /namespaces/{ns}/{plural}/... is namespaced unless {plural} is a subresource of the namespace itself.
        if (rest.Length >= 3 && rest[0] == "namespaces" && KindRegistry.FindByResource(group, version, rest[2]) is { Namespaced: true } namespaced)
        {
            return rest.Length switch
            {
                3 => Found(namespaced, rest[1], null, null),
                4 => Found(namespaced, rest[1], rest[3], null),
                5 => Found(namespaced, rest[1], rest[3], rest[4]),
                _ => ApiPathResult.NotFound,
            };
        }
        if (KindRegistry.FindByResource(group, version, rest[0]) is not { } kind)
        {
            return ApiPathResult.NotFound;
        }
        return rest.Length switch
        {
            1 => Found(kind, null, null, null),
            2 when !kind.Namespaced => Found(kind, null, rest[1], null),
            3 when !kind.Namespaced => Found(kind, null, rest[1], rest[2]),
            _ => ApiPathResult.NotFound,
        };
    }

    private static ApiPathResult Found(ResourceKind kind, string? ns, string? name, string? subresource) =>
        subresource is not null && !kind.Subresources.Contains(subresource)
            ? ApiPathResult.NotFound
            : new ApiPathResult(ApiPathKind.Resource, Target: new ResourceTarget(kind, ns, name, subresource));
}
