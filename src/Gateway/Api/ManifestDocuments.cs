using System.Text;
using System.Text.Json.Nodes;
using Actors.Gateway.Errors;

namespace Actors.Gateway.Api;

/// <summary>
/// Splits a manifest body into the objects to apply, in file order: the documents of a YAML stream (empty ones
/// skipped) or one JSON object, with the items of a <c>List</c> in place of the list. A body that cannot be read as
/// a whole is refused before anything is applied: 400 naming what is wrong, 415 for an unknown media type.
/// </summary>
internal static class ManifestDocuments
{
    /// <summary>What curl sends for <c>--data-binary</c> without a Content-Type; read as YAML, of which JSON is a subset.</summary>
    public const string FormUrlEncoded = "application/x-www-form-urlencoded";

    public const string AcceptedMediaTypes = $"application/yaml, application/json, text/yaml, text/plain, {FormUrlEncoded}";

    public static IReadOnlyList<JsonNode?> Parse(string mediaType, byte[] body)
    {
        if (body.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            throw new KubeStatusException(KubeStatus.BadRequest("the request body is empty: send one or more YAML documents or a JSON object"));
        }
        IReadOnlyList<JsonNode?> documents = mediaType switch
        {
            RequestBody.Json => [RequestBody.ParseJsonNode(body)],
            "application/yaml" or "application/x-yaml" or "text/yaml" or "text/plain" or FormUrlEncoded => Yaml(body),
            _ => throw new KubeStatusException(KubeStatus.UnsupportedMediaType(AcceptedMediaTypes)),
        };
        var objects = documents.Where(d => d is not null).SelectMany(Expand).ToList();
        return objects.Count > 0
            ? objects
            : throw new KubeStatusException(KubeStatus.BadRequest("the request body holds no objects: every document is empty"));
    }

    private static IReadOnlyList<JsonNode?> Yaml(byte[] body)
    {
        try
        {
            return YamlToJson.ConvertAll(Encoding.UTF8.GetString(body));
        }
        catch (FormatException e)
        {
            throw new KubeStatusException(KubeStatus.BadRequest(e.Message));
        }
    }

    /// <summary>A <c>List</c> (or any <c>…List</c> kind with items, as kubectl reads them) stands for its items.</summary>
    private static IEnumerable<JsonNode?> Expand(JsonNode? document) =>
        document is JsonObject obj && obj["kind"] is JsonValue kind && kind.TryGetValue(out string? name) && name.EndsWith("List", StringComparison.Ordinal)
            && obj["items"] is JsonArray items
            ? items
            : [document];
}
