using System.Text.Json.Nodes;
using Actors.Gateway.Errors;
using Actors.Gateway.Patching;

namespace Actors.Gateway.Api;

/// <summary>Applies a PATCH body by its content type (KUBECTL-API.md §12.1) to the current object.</summary>
internal static class PatchApplier
{
    public const string MergePatch = "application/merge-patch+json";
    public const string JsonPatchType = "application/json-patch+json";
    public const string StrategicMergePatchType = "application/strategic-merge-patch+json";
    public const string ApplyPatchYaml = "application/apply-patch+yaml";

    /// <summary>The patched object; 400 for a malformed body, 415 for an unknown type, 422 for a failed JSON patch, 409 for apply conflicts.</summary>
    public static JsonObject Apply(string mediaType, string kind, string apiVersion, JsonObject? current, byte[] body, string manager, DateTimeOffset now, bool force = false)
    {
        switch (mediaType)
        {
            case MergePatch:
                return JsonMergePatch.Apply(current?.DeepClone(), RequestBody.ParseJsonNode(body)) as JsonObject
                    ?? throw new KubeStatusException(KubeStatus.BadRequest("the merge patch did not produce an object"));
            case JsonPatchType:
                return Result(JsonPatch.Apply(current?.DeepClone(), RequestBody.ParseJsonNode(body)), kind, current, unprocessable: true);
            case StrategicMergePatchType:
                return Result(StrategicMergePatch.Apply(kind, current!.DeepClone().AsObject(), RequestBody.ParseJson(body)), kind, current, unprocessable: false);
            case ApplyPatchYaml:
                return ApplyConfig(kind, apiVersion, current, RequestBody.ParseYaml(body), manager, force, now);
            default:
                throw new KubeStatusException(KubeStatus.UnsupportedMediaType($"{JsonPatchType}, {MergePatch}, {StrategicMergePatchType}, {ApplyPatchYaml}"));
        }
    }

    /// <summary>Server-side apply of <paramref name="config"/> (an apply patch or a manifest document); 409 for conflicts unless forced.</summary>
    public static JsonObject ApplyConfig(string kind, string apiVersion, JsonObject? current, JsonObject config, string manager, bool force, DateTimeOffset now)
    {
        var applied = ServerSideApply.Apply(kind, apiVersion, current?.DeepClone().AsObject(), config, manager, force, now);
        if (applied.Conflicts.Count > 0)
        {
            throw new KubeStatusException(KubeStatus.ApplyConflict(applied.Conflicts.Select(c => (c.Manager, c.ApiVersion, c.Field)).ToList()));
        }
        return applied.Object ?? throw new KubeStatusException(KubeStatus.BadRequest(applied.Error?.Message ?? "apply failed"));
    }

    private static JsonObject Result(PatchResult result, string kind, JsonObject? current, bool unprocessable)
    {
        if (result.Error is { } error)
        {
            var name = current?["metadata"]?["name"]?.GetValue<string>() ?? "";
            throw new KubeStatusException(unprocessable
                ? Unprocessable(kind, name, error.Message)
                : KubeStatus.BadRequest(error.Message));
        }
        return result.Document as JsonObject ?? throw new KubeStatusException(KubeStatus.BadRequest("the patch did not produce an object"));
    }

    private static JsonObject Unprocessable(string kind, string name, string message) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = "Invalid",
        ["details"] = new JsonObject { ["name"] = name, ["kind"] = kind, ["causes"] = new JsonArray(new JsonObject { ["reason"] = "FieldValueInvalid", ["message"] = message, ["field"] = "patch" }) },
        ["code"] = 422,
    };
}
