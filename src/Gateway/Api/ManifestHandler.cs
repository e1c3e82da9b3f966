using System.Text.Json.Nodes;
using Actors.Gateway.Errors;
using Actors.Grains.Abstractions.Objects;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Actors.Gateway.Api;

/// <summary>
/// Manifest submission without kubectl (<c>POST /apis/actors.io/v1/manifests</c>): every object of a YAML stream or
/// JSON body is server-side applied in file order, so a Namespace comes before what goes into it. A failed object
/// fails alone and the rest go on; the 200 answer says per object created, configured, unchanged or failed.
/// </summary>
internal sealed partial class ManifestHandler(ObjectWriter writer, TimeProvider time, long bodyLimit, ILogger logger)
{
    public const string Path = "/apis/actors.io/v1/manifests";

    /// <summary>What the authorizer sees: a submission creates and patches whatever it names.</summary>
    public static readonly GroupResource Resource = new("actors.io", "manifests");

    public async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            throw new KubeStatusException(KubeStatus.MethodNotAllowed());
        }
        var options = ManifestOptions.From(context.Request);
        var body = await RequestBody.ReadAsync(context.Request, bodyLimit, context.RequestAborted);
        var documents = ManifestDocuments.Parse(RequestBody.MediaType(context.Request.ContentType), body);
        var items = new JsonArray();
        for (var index = 0; index < documents.Count; index++)
        {
            items.Add(await ApplyAsync(index, documents[index], options, context.RequestAborted));
        }
        await ApiResponses.WriteAsync(context, 200, new JsonObject
        {
            ["kind"] = "ManifestResult",
            ["apiVersion"] = "actors.io/v1",
            ["dryRun"] = options.DryRun,
            ["items"] = items,
        });
    }

    private async Task<JsonObject> ApplyAsync(int index, JsonNode? document, ManifestOptions options, CancellationToken cancellationToken)
    {
        ManifestObject? manifest = null;
        try
        {
            manifest = ManifestObject.Resolve(document, options.DefaultNamespace);
            var kind = manifest.Target.Kind;
            var warnings = FieldValidation.Check(kind, manifest.Config, options.FieldValidation);
            var result = await writer.PatchAsync(
                manifest.Target,
                manifest.Name,
                current => PatchApplier.ApplyConfig(kind.Kind, kind.ApiVersion, current, manifest.Config, options.FieldManager, options.Force, time.GetUtcNow()),
                createWhenAbsent: true,
                options.DryRun,
                cancellationToken);
            if (ObjectWriter.Failure(manifest.Target, manifest.Name, result) is { } failure)
            {
                return Item(index, document, manifest, "failed", failure, []);
            }
            return Item(index, document, manifest, Outcome(result.Status), null, warnings);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var status = StatusMapper.FromException(e);
            if (KubeStatus.CodeOf(status) >= 500)
            {
                LogFailure(logger, e, index);
            }
            return Item(index, document, manifest, "failed", status, []);
        }
    }

    private static string Outcome(ObjectWriteStatus status) => status switch
    {
        ObjectWriteStatus.Created => "created",
        ObjectWriteStatus.Unchanged => "unchanged",
        _ => "configured",
    };

    /// <summary>One answer line; the identity comes from the resolved object, or as far as the document says it when it did not resolve.</summary>
    private static JsonObject Item(int index, JsonNode? document, ManifestObject? manifest, string result, JsonObject? status, IReadOnlyList<string> warnings)
    {
        var item = new JsonObject
        {
            ["index"] = index,
            ["apiVersion"] = manifest?.Target.Kind.ApiVersion ?? Text(document, "apiVersion"),
            ["kind"] = manifest?.Target.Kind.Kind ?? Text(document, "kind"),
        };
        if ((manifest is null ? Text(document, "metadata", "namespace") : manifest.Target.Namespace) is { } ns)
        {
            item["namespace"] = ns;
        }
        item["name"] = manifest?.Name ?? Text(document, "metadata", "name");
        item["result"] = result;
        if (status is not null)
        {
            item["status"] = status;
        }
        if (warnings.Count > 0)
        {
            item["warnings"] = new JsonArray(warnings.Select(w => (JsonNode?)w).ToArray());
        }
        return item;
    }

    /// <summary>A string at <paramref name="path"/>, or null when anything on the way is not what it should be.</summary>
    private static string? Text(JsonNode? node, params string[] path)
    {
        foreach (var field in path)
        {
            node = node is JsonObject obj ? obj[field] : null;
        }
        return node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying manifest document {Index} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, int index);
}
