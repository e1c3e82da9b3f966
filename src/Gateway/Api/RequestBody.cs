using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Gateway.Errors;
using Actors.Gateway.Protobuf;
using Microsoft.AspNetCore.Http;

namespace Actors.Gateway.Api;

/// <summary>
/// Reads request bodies raw (a missing Content-Type means JSON, KUBECTL-API.md §0.3) with a size limit, and decodes
/// JSON, YAML and Kubernetes protobuf into a JSON object.
/// </summary>
internal static class RequestBody
{
    public const string Json = "application/json";

    /// <summary>The body bytes; 413 Status beyond <paramref name="limit"/>.</summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw new KubeStatusException(KubeStatus.RequestEntityTooLarge(limit));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new KubeStatusException(KubeStatus.RequestEntityTooLarge(limit));
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The media type without parameters, lower-case; JSON when absent.</summary>
    public static string MediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return Json;
        }
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }

    /// <summary>Decodes an object body of a create, update or delete; 400 when malformed, 415 for unknown media types.</summary>
    public static JsonObject DecodeObject(string mediaType, byte[] body)
    {
        switch (mediaType)
        {
            case Json or "*/*":
                return ParseJson(body);
            case "application/yaml" or "application/x-yaml" or "text/yaml":
                return ParseYaml(body);
            case KubeProtobufDecoder.MediaType:
                var decoded = KubeProtobufDecoder.Decode(body);
                if (decoded.Object is { } obj)
                {
                    return obj;
                }
                throw new KubeStatusException(decoded.Unsupported ? KubeStatus.UnsupportedMediaType() : KubeStatus.BadRequest(decoded.Error ?? "malformed protobuf body"));
            default:
                throw new KubeStatusException(KubeStatus.UnsupportedMediaType());
        }
    }

    public static JsonObject ParseJson(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject
                ?? throw new KubeStatusException(KubeStatus.BadRequest("the request body must be a JSON object"));
        }
        catch (JsonException e)
        {
            throw new KubeStatusException(KubeStatus.BadRequest("the request body is not valid JSON: " + e.Message));
        }
    }

    public static JsonNode? ParseJsonNode(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            throw new KubeStatusException(KubeStatus.BadRequest("the request body is not valid JSON: " + e.Message));
        }
    }

    public static JsonObject ParseYaml(byte[] body)
    {
        try
        {
            return YamlToJson.Convert(Encoding.UTF8.GetString(body)) as JsonObject
                ?? throw new KubeStatusException(KubeStatus.BadRequest("the request body must be a YAML mapping"));
        }
        catch (FormatException e)
        {
            throw new KubeStatusException(KubeStatus.BadRequest(e.Message));
        }
    }
}
