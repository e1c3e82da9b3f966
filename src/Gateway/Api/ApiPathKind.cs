namespace Actors.Gateway.Api;

/// <summary>What an <c>/api</c> or <c>/apis</c> path asks for.</summary>
internal enum ApiPathKind
{
    NotFound,
    LegacyVersions,
    GroupList,
    Group,
    ResourceList,
    Resource,
}
