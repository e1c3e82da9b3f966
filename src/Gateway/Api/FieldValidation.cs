using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Gateway.Errors;
using Actors.Grains.Abstractions.Resources;
using Microsoft.AspNetCore.Http;

namespace Actors.Gateway.Api;

/// <summary>
/// The <c>fieldValidation</c> directive (KUBECTL-API.md §19) on fields the model does not declare: Strict refuses
/// the body (400 BadRequest naming every unknown field), Warn (the default, as on a 1.27+ apiserver) answers with
/// one <c>Warning</c> header per field, Ignore says nothing. Accepted unknown fields are kept, as the model keeps them.
/// </summary>
internal static class FieldValidation
{
    public const string Strict = "Strict";
    public const string Warn = "Warn";
    public const string Ignore = "Ignore";

    /// <summary>The directive of a request: Warn when absent, 400 for anything but Strict, Warn or Ignore.</summary>
    public static string Directive(string? query) => query switch
    {
        null or "" => Warn,
        Strict or Warn or Ignore => query,
        _ => throw new KubeStatusException(KubeStatus.BadRequest(
            $"fieldValidation: Unsupported value: {KubeJson.Quote(query)}: supported values: \"Ignore\", \"Strict\", \"Warn\"")),
    };

    /// <summary>The warnings to send for <paramref name="obj"/>; throws the Strict refusal.</summary>
    public static IReadOnlyList<string> Check(ResourceKind kind, JsonObject obj, string directive)
    {
        if (directive == Ignore)
        {
            return [];
        }
        var unknown = UnknownFields.Find(obj.ToJsonString(), kind.ClrType).Select(UnknownFields.Describe).ToList();
        if (unknown.Count > 0 && directive == Strict)
        {
            throw new KubeStatusException(KubeStatus.BadRequest(
                $"{kind.Kind} in version {KubeJson.Quote(kind.Version)} cannot be handled as a {kind.Kind}: strict decoding error: {string.Join(", ", unknown)}"));
        }
        return unknown;
    }

    /// <summary>
    /// The same for a PATCH body (merge, strategic merge or apply; a JSON patch names paths, not fields): Strict
    /// refuses a merge patch with 422 on the field <c>patch</c> as Kubernetes does, an apply patch with 400.
    /// </summary>
    public static IReadOnlyList<string> CheckPatch(ResourceKind kind, string name, string mediaType, byte[] body, string directive)
    {
        var patch = directive == Ignore ? null : mediaType switch
        {
            PatchApplier.MergePatch or PatchApplier.StrategicMergePatchType => RequestBody.ParseJsonNode(body) as JsonObject,
            PatchApplier.ApplyPatchYaml => RequestBody.ParseYaml(body),
            _ => null,
        };
        if (patch is null)
        {
            return [];
        }
        if (mediaType == PatchApplier.ApplyPatchYaml)
        {
            return Check(kind, patch, directive);
        }
        var unknown = UnknownFields.Find(WithoutDirectives(patch)!.ToJsonString(), kind.ClrType).Select(UnknownFields.Describe).ToList();
        if (unknown.Count > 0 && directive == Strict)
        {
            var message = $"Invalid value: {KubeJson.Quote(KubeJson.Serialize(patch))}: strict decoding error: {string.Join(", ", unknown)}";
            throw new KubeStatusException(ObjectPipeline.Invalid(kind, name, [("FieldValueInvalid", message, "patch")]));
        }
        return unknown;
    }

    /// <summary>The patch without strategic-merge directives (<c>$patch</c>, <c>$setElementOrder/…</c>, <c>$retainKeys</c>).</summary>
    private static JsonNode? WithoutDirectives(JsonNode? node) => node switch
    {
        JsonObject map => new JsonObject(map.Where(p => !p.Key.StartsWith('$')).Select(p => KeyValuePair.Create(p.Key, WithoutDirectives(p.Value)))),
        JsonArray list => new JsonArray(list.Select(WithoutDirectives).ToArray()),
        _ => node?.DeepClone(),
    };

    /// <summary>Adds <c>Warning: 299 - "unknown field \"x\""</c> headers, which kubectl prints as <c>Warning: …</c>.</summary>
    public static void AddWarnings(HttpResponse response, IReadOnlyList<string> warnings)
    {
        foreach (var warning in warnings)
        {
            // Header values must be ASCII: the default encoder escapes everything else as \uXXXX, which Go unquotes alike.
            var quoted = Ascii.IsValid(KubeJson.Quote(warning)) ? KubeJson.Quote(warning) : JsonSerializer.Serialize(warning);
            response.Headers.Append("Warning", $"299 - {quoted}");
        }
    }
}
