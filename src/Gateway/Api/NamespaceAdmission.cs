using System.Text.Json.Nodes;
using Actors.Gateway.Errors;

namespace Actors.Gateway.Api;

/// <summary>
/// Kubernetes' NamespaceLifecycle admission for creates: a namespaced object needs an existing namespace (404
/// <c>namespaces "x" not found</c>) that is not being deleted (403). Decided on creates only, so reads pay nothing.
/// </summary>
internal static class NamespaceAdmission
{
    private static readonly GroupResource Namespaces = new("", "namespaces");

    /// <summary>The Status refusing the create, or null when <paramref name="ns"/> (as stored, null when missing) admits it.</summary>
    public static JsonObject? Refusal(string namespaceName, JsonObject? ns, GroupResource resource, string name)
    {
        if (ns is null)
        {
            return KubeStatus.NotFound(Namespaces, namespaceName);
        }
        var terminating = ns["metadata"]?["deletionTimestamp"] is not null || (string?)ns["status"]?["phase"] == "Terminating";
        return terminating
            ? KubeStatus.ForbiddenWithReason(resource, name, $"unable to create new content in namespace {namespaceName} because it is being terminated")
            : null;
    }
}
