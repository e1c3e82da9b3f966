namespace Actors.Gateway.Api;

/// <summary>A parsed API path: discovery coordinates (group, version) or a resource target.</summary>
internal sealed record ApiPathResult(ApiPathKind Kind, string Group = "", string Version = "", ResourceTarget? Target = null)
{
    public static ApiPathResult NotFound { get; } = new(ApiPathKind.NotFound);
}
