using System.Text.Json.Nodes;
using Actors.Gateway.Errors;
using Actors.Grains.Abstractions.Resources;

namespace Actors.Gateway.Api;

/// <summary>
/// One object of a submitted manifest: where it goes and the apply configuration to send there. Namespaced kinds
/// without a namespace get the request's default; cluster-scoped kinds lose any namespace they carry, as the
/// apiserver clears it.
/// </summary>
internal sealed record ManifestObject(ResourceTarget Target, string Name, JsonObject Config)
{
    /// <summary>The object's place; 400 for a document that is not an object or names no known kind, 422 without a name.</summary>
    public static ManifestObject Resolve(JsonNode? document, string defaultNamespace)
    {
        if (document is not JsonObject obj)
        {
            throw new KubeStatusException(KubeStatus.BadRequest($"expected an object, got {DecodeFailure.JsonKind(document)}"));
        }
        var apiVersion = JsonFields.String(obj["apiVersion"], "apiVersion");
        var kindName = JsonFields.String(obj["kind"], "kind");
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kindName))
        {
            throw new KubeStatusException(KubeStatus.BadRequest("apiVersion and kind are required: every document must say what it is"));
        }
        var kind = KindRegistry.FindByKind(apiVersion, kindName)
            ?? throw new KubeStatusException(KubeStatus.BadRequest($"no matches for kind {KubeJson.Quote(kindName)} in version {KubeJson.Quote(apiVersion)}"));
        var config = obj.DeepClone().AsObject();
        var metadata = config["metadata"] as JsonObject;
        var name = JsonFields.String(metadata?["name"], "metadata.name");
        if (metadata is null || string.IsNullOrEmpty(name))
        {
            throw new KubeStatusException(ObjectPipeline.Invalid(kind, "", [("FieldValueRequired", "Required value: name is required", "metadata.name")]));
        }
        string? ns = null;
        if (kind.Namespaced)
        {
            ns = JsonFields.String(metadata["namespace"], "metadata.namespace") is { Length: > 0 } own ? own : defaultNamespace;
            metadata["namespace"] = ns;
        }
        else
        {
            metadata.Remove("namespace");
        }
        return new ManifestObject(new ResourceTarget(kind, ns, name, null), name, config);
    }
}
