using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Actors.Gateway.Errors;
using Actors.Gateway.Tables;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Abstractions.Resources;
using Actors.Grains.Abstractions.Store;
using Microsoft.AspNetCore.Http;

namespace Actors.Gateway.Api;

/// <summary>
/// The verbs on resource URLs (KUBECTL-API.md §6, §10–§13). Reads (get, list, watch) go to the object store; writes
/// go to the object's grain, the single writer, after decoding, defaulting and validation here.
/// </summary>
internal sealed class ResourceHandler(IGrainFactory grains, IObjectStore store, TimeProvider time, long bodyLimit)
{
    private readonly ObjectWriter _writer = new(grains, store);

    public async Task HandleAsync(HttpContext context, ResourceTarget target)
    {
        var request = context.Request;
        if (target is { Subresource: "exec" or "attach", Name: { } pod } && target.Kind.Kind == "Pod" && request.Method is "GET" or "POST")
        {
            await PodExec.ServeAsync(context, grains, store, target.Namespace ?? "default", pod, attach: target.Subresource == "attach");
            return;
        }
        if (target is { Subresource: "portforward", Name: { } forwarded } && target.Kind.Kind == "Pod" && request.Method is "GET" or "POST")
        {
            await PodPortForward.ServeAsync(context, grains, store, target.Namespace ?? "default", forwarded);
            return;
        }
        switch (request.Method.ToUpperInvariant(), target.Name, target.Subresource)
        {
            case ("GET", null, _):
                if (ApiResponses.Flag(request, "watch"))
                {
                    await WatchStream.RunAsync(context, store, target, time);
                }
                else
                {
                    await ListAsync(context, target);
                }
                break;
            case ("POST", { } name, "eviction") when target.Kind.Kind == "Pod":
                await EvictAsync(context, target, name);
                break;
            case ("GET", { } name, "log") when target.Kind.Kind == "Pod":
                await PodLogs.ServeAsync(context, grains, store, time, target.Namespace ?? "default", name);
                break;
            case ("GET", { } name, "scale"):
                await ApiResponses.WriteAsync(context, 200, ScaleView.From(target.Kind, await CurrentAsync(target, name)));
                break;
            case ("GET", { } name, _):
                await GetAsync(context, target, name);
                break;
            case ("POST", null, null):
                await CreateAsync(context, target);
                break;
            case ("PUT", { } name, _):
                await UpdateAsync(context, target, name);
                break;
            case ("PATCH", { } name, _):
                await PatchAsync(context, target, name);
                break;
            case ("DELETE", { } name, null):
                await DeleteAsync(context, target, name);
                break;
            case ("DELETE", null, null):
                await DeleteCollectionAsync(context, target);
                break;
            default:
                throw new KubeStatusException(KubeStatus.MethodNotAllowed());
        }
    }

    private async Task GetAsync(HttpContext context, ResourceTarget target, string name)
    {
        var obj = await CurrentAsync(target, name);
        if (ApiResponses.WantsTable(context.Request.Headers.Accept))
        {
            var rv = obj["metadata"]?["resourceVersion"]?.GetValue<string>();
            await ApiResponses.WriteAsync(context, 200, TablePrinter.Table(target.Kind.Kind, [obj], rv, null, ApiResponses.Query(context.Request, "includeObject"), time.GetUtcNow()));
            return;
        }
        await ApiResponses.WriteAsync(context, 200, obj);
    }

    private async Task ListAsync(HttpContext context, ResourceTarget target)
    {
        var request = context.Request;
        var kind = target.Kind;
        var selectors = ListRequest.Parse(kind, ApiResponses.Query(request, "labelSelector"), ApiResponses.Query(request, "fieldSelector"));
        var limit = int.TryParse(ApiResponses.Query(request, "limit"), out var l) && l > 0 ? l : (int?)null;
        ListResult result;
        try
        {
            result = await store.ListAsync(kind.Kind, target.Namespace, new ListOptions
            {
                Limit = limit,
                Continue = ApiResponses.Query(request, "continue") is { Length: > 0 } token ? token : null,
                ResourceVersion = ApiResponses.Query(request, "resourceVersion"),
                Match = ApiResponses.Query(request, "resourceVersionMatch") == "Exact" ? ResourceVersionMatch.Exact : ResourceVersionMatch.NotOlderThan,
                Filter = o => selectors.Matches(kind.Kind, o),
            }, context.RequestAborted);
        }
        catch (TooOldResourceVersionException e)
        {
            throw new KubeStatusException(KubeStatus.Gone(e.RequestedRevision, e.CompactedRevision));
        }
        catch (FormatException e)
        {
            throw new KubeStatusException(KubeStatus.BadRequest(e.Message));
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName == "options")
        {
            // As the apiserver says it; client-go's reflector recognises the message and retries.
            throw new KubeStatusException(KubeStatus.Timeout($"Too large resource version: {e.ActualValue}", retryAfterSeconds: 1));
        }
        catch (ArgumentException e) when (e.ParamName == "token")
        {
            throw new KubeStatusException(KubeStatus.BadRequest($"invalid continue token: {KubeJson.Quote(ApiResponses.Query(request, "continue") ?? "")}"));
        }
        catch (ArgumentException e) when (e.ParamName == "resourceVersion")
        {
            throw new KubeStatusException(KubeStatus.BadRequest($"invalid resourceVersion {KubeJson.Quote(ApiResponses.Query(request, "resourceVersion") ?? "")}"));
        }
        if (ApiResponses.WantsTable(request.Headers.Accept))
        {
            await ApiResponses.WriteAsync(context, 200, TablePrinter.Table(kind.Kind, result.Items, result.ResourceVersion, result.Continue, ApiResponses.Query(request, "includeObject"), time.GetUtcNow()));
            return;
        }
        var metadata = new JsonObject { ["resourceVersion"] = result.ResourceVersion };
        if (!string.IsNullOrEmpty(result.Continue))
        {
            metadata["continue"] = result.Continue;
        }
        var items = new JsonArray();
        foreach (var item in result.Items)
        {
            items.Add(item);
        }
        await ApiResponses.WriteAsync(context, 200, new JsonObject
        {
            ["kind"] = kind.ListKind,
            ["apiVersion"] = kind.ApiVersion,
            ["metadata"] = metadata,
            ["items"] = items,
        });
    }

    private async Task CreateAsync(HttpContext context, ResourceTarget target)
    {
        var kind = target.Kind;
        var body = await RequestBody.ReadAsync(context.Request, bodyLimit, context.RequestAborted);
        var obj = RequestBody.DecodeObject(RequestBody.MediaType(context.Request.ContentType), body);
        var warnings = ObjectPipeline.Decode(kind, obj, FieldValidation.Directive(ApiResponses.Query(context.Request, "fieldValidation")));
        CheckKind(kind, obj);
        var metadata = obj["metadata"] as JsonObject ?? [];
        obj["metadata"] = metadata;
        if (kind.Namespaced)
        {
            if (metadata["namespace"] is JsonValue bodyNs && bodyNs.GetValue<string>() is { Length: > 0 } ns && ns != target.Namespace)
            {
                throw new KubeStatusException(KubeStatus.BadRequest("the namespace of the provided object does not match the namespace sent on the request"));
            }
            if (target.Namespace is null)
            {
                throw new KubeStatusException(KubeStatus.MethodNotAllowed());
            }
            metadata["namespace"] = target.Namespace;
        }
        var name = metadata["name"]?.GetValue<string>();
        if (string.IsNullOrEmpty(name) && metadata["generateName"]?.GetValue<string>() is { Length: > 0 } prefix)
        {
            name = prefix + RandomSuffix();
            metadata["name"] = name;
        }
        if (string.IsNullOrEmpty(name))
        {
            throw new KubeStatusException(ObjectPipeline.Invalid(kind, "", [("FieldValueRequired", "Required value: name or generateName is required", "metadata.name")]));
        }
        await _writer.AdmitToNamespaceAsync(target, name, context.RequestAborted);
        var prepared = ObjectPipeline.Prepare(kind, obj, null);
        FieldValidation.AddWarnings(context.Response, warnings);
        if (IsDryRun(context.Request))
        {
            await ApiResponses.WriteAsync(context, 201, prepared);
            return;
        }
        var result = await _writer.Grain(target, name).CreateAsync(prepared.ToJsonString());
        await WriteResultAsync(context, target, name, result);
    }

    private async Task UpdateAsync(HttpContext context, ResourceTarget target, string name)
    {
        var kind = target.Kind;
        var body = await RequestBody.ReadAsync(context.Request, bodyLimit, context.RequestAborted);
        var obj = RequestBody.DecodeObject(RequestBody.MediaType(context.Request.ContentType), body);
        if (target.Subresource == "scale")
        {
            await WriteScaleAsync(context, target, name, obj, explicitVersion: true);
            return;
        }
        var warnings = ObjectPipeline.Decode(kind, obj, FieldValidation.Directive(ApiResponses.Query(context.Request, "fieldValidation")));
        CheckKind(kind, obj);
        var metadata = obj["metadata"] as JsonObject ?? [];
        obj["metadata"] = metadata;
        if (metadata["name"]?.GetValue<string>() is { Length: > 0 } bodyName && bodyName != name)
        {
            throw new KubeStatusException(KubeStatus.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})"));
        }
        metadata["name"] = name;
        if (kind.Namespaced)
        {
            metadata["namespace"] = target.Namespace;
        }
        var current = await CurrentAsync(target, name);
        var result = await _writer.WriteAsync(target, name, obj, current, IsDryRun(context.Request));
        if (result.Succeeded)
        {
            FieldValidation.AddWarnings(context.Response, warnings);
        }
        await WriteResultAsync(context, target, name, result);
    }

    private async Task PatchAsync(HttpContext context, ResourceTarget target, string name)
    {
        var mediaType = RequestBody.MediaType(context.Request.ContentType);
        if (mediaType == PatchApplier.ApplyPatchYaml && string.IsNullOrEmpty(ApiResponses.Query(context.Request, "fieldManager")))
        {
            throw new KubeStatusException(KubeStatus.Invalid(new GroupKind("meta.k8s.io", "PatchOptions"), "", [FieldError.Required("fieldManager", "is required for apply patch")]));
        }
        var body = await RequestBody.ReadAsync(context.Request, bodyLimit, context.RequestAborted);
        var warnings = target.Subresource is null
            ? FieldValidation.CheckPatch(target.Kind, name, mediaType, body, FieldValidation.Directive(ApiResponses.Query(context.Request, "fieldValidation")))
            : [];
        FieldValidation.AddWarnings(context.Response, warnings);
        if (target.Subresource == "scale")
        {
            var scale = ScaleView.From(target.Kind, await CurrentAsync(target, name));
            var patchedScale = PatchApplier.Apply(mediaType, "Scale", "autoscaling/v1", scale, body, Manager(context.Request), time.GetUtcNow());
            await WriteScaleAsync(context, target, name, patchedScale, explicitVersion: false);
            return;
        }
        var result = await _writer.PatchAsync(
            target,
            name,
            current => PatchApplier.Apply(mediaType, target.Kind.Kind, target.Kind.ApiVersion, current, body, Manager(context.Request), time.GetUtcNow(), ApiResponses.Flag(context.Request, "force")),
            createWhenAbsent: mediaType == PatchApplier.ApplyPatchYaml,
            IsDryRun(context.Request),
            context.RequestAborted);
        await WriteResultAsync(context, target, name, result);
    }

    private async Task WriteScaleAsync(HttpContext context, ResourceTarget target, string name, JsonObject scale, bool explicitVersion)
    {
        var current = await CurrentAsync(target, name);
        ObjectPipeline.DecodeScale(scale);
        if ((scale["spec"] as JsonObject)?["replicas"] is not JsonValue replicasValue || !replicasValue.TryGetValue(out int replicas) || replicas < 0)
        {
            throw new KubeStatusException(ObjectPipeline.Invalid(target.Kind, name, [("FieldValueInvalid", "Invalid value: must be a non-negative integer", "spec.replicas")]));
        }
        var updated = current.DeepClone().AsObject();
        var spec = updated["spec"] as JsonObject ?? [];
        updated["spec"] = spec;
        spec["replicas"] = replicas;
        if (explicitVersion && JsonFields.String((scale["metadata"] as JsonObject)?["resourceVersion"], "metadata.resourceVersion") is { Length: > 0 } rv)
        {
            updated["metadata"]!["resourceVersion"] = rv;
        }
        var result = await _writer.WriteAsync(target with { Subresource = null }, name, updated, current, IsDryRun(context.Request));
        if (!result.Succeeded)
        {
            await WriteResultAsync(context, target, name, result);
            return;
        }
        await ApiResponses.WriteAsync(context, 200, ScaleView.From(target.Kind, JsonNode.Parse(result.Object!)!.AsObject()));
    }

    private async Task DeleteAsync(HttpContext context, ResourceTarget target, string name)
    {
        var options = await DeleteOptionsAsync(context);
        var grain = _writer.Grain(target, name);
        if (IsDryRun(context.Request) || options.DryRun)
        {
            await ApiResponses.WriteAsync(context, 200, await CurrentAsync(target, name));
            return;
        }
        await WriteResultAsync(context, target, name, await grain.DeleteAsync(options.Request));
    }

    /// <summary>
    /// <c>POST …/pods/{name}/eviction</c> (policy/v1 Eviction, what <c>kubectl drain</c> sends): a graceful delete
    /// with the Eviction's deleteOptions. There are no PodDisruptionBudgets to refuse it, so it is always allowed.
    /// </summary>
    private async Task EvictAsync(HttpContext context, ResourceTarget target, string name)
    {
        var body = await RequestBody.ReadAsync(context.Request, bodyLimit, context.RequestAborted);
        var eviction = body.Length == 0 ? null : RequestBody.DecodeObject(RequestBody.MediaType(context.Request.ContentType), body);
        var options = DeleteOptionsRequest.From(eviction?["deleteOptions"] as JsonObject, null, null, null);
        var current = await CurrentAsync(target, name);
        if (IsDryRun(context.Request) || options.DryRun)
        {
            await ApiResponses.WriteAsync(context, 201, KubeStatus.Success(ObjectWriter.Resource(target), name, current["metadata"]?["uid"]?.GetValue<string>() ?? ""));
            return;
        }
        var result = await _writer.Grain(target, name).DeleteAsync(options.Request);
        if (result.Status is ObjectWriteStatus.Deleted or ObjectWriteStatus.Deleting)
        {
            await ApiResponses.WriteAsync(context, 201, KubeStatus.Success(ObjectWriter.Resource(target), name, current["metadata"]?["uid"]?.GetValue<string>() ?? ""));
            return;
        }
        await WriteResultAsync(context, target, name, result);
    }

    private async Task DeleteCollectionAsync(HttpContext context, ResourceTarget target)
    {
        var kind = target.Kind;
        var options = await DeleteOptionsAsync(context);
        var selectors = ListRequest.Parse(kind, ApiResponses.Query(context.Request, "labelSelector"), ApiResponses.Query(context.Request, "fieldSelector"));
        var listed = await store.ListAsync(kind.Kind, target.Namespace, new ListOptions { Filter = o => selectors.Matches(kind.Kind, o) }, context.RequestAborted);
        var items = new JsonArray();
        foreach (var item in listed.Items)
        {
            var itemName = item["metadata"]?["name"]?.GetValue<string>() ?? "";
            var itemNs = item["metadata"]?["namespace"]?.GetValue<string>();
            if (!options.DryRun && !IsDryRun(context.Request))
            {
                await _writer.Grain(target with { Namespace = itemNs }, itemName).DeleteAsync(options.Request);
            }
            items.Add(item);
        }
        await ApiResponses.WriteAsync(context, 200, new JsonObject
        {
            ["kind"] = kind.ListKind,
            ["apiVersion"] = kind.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = listed.ResourceVersion },
            ["items"] = items,
        });
    }

    private async Task<DeleteOptionsRequest> DeleteOptionsAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context.Request, bodyLimit, context.RequestAborted);
        var bodyOptions = body.Length == 0 ? null : RequestBody.DecodeObject(RequestBody.MediaType(context.Request.ContentType), body);
        return DeleteOptionsRequest.From(
            bodyOptions,
            ApiResponses.Query(context.Request, "propagationPolicy"),
            ApiResponses.Query(context.Request, "gracePeriodSeconds"),
            ApiResponses.Query(context.Request, "orphanDependents"));
    }

    private static async Task WriteResultAsync(HttpContext context, ResourceTarget target, string name, ObjectWriteResult result)
    {
        if (ObjectWriter.Failure(target, name, result) is { } failure)
        {
            throw new KubeStatusException(failure);
        }
        switch (result.Status)
        {
            case ObjectWriteStatus.Created:
                await ApiResponses.WriteAsync(context, 201, JsonNode.Parse(result.Object!)!);
                break;
            case ObjectWriteStatus.Deleted:
                var uid = result.Object is { } last ? JsonNode.Parse(last)?["metadata"]?["uid"]?.GetValue<string>() ?? "" : "";
                await ApiResponses.WriteAsync(context, 200, KubeStatus.Success(ObjectWriter.Resource(target), name, uid));
                break;
            default:
                await ApiResponses.WriteAsync(context, 200, JsonNode.Parse(result.Object!)!);
                break;
        }
    }

    private async Task<JsonObject> CurrentAsync(ResourceTarget target, string name) =>
        await store.GetAsync(target.Kind.Kind, target.Kind.Namespaced ? target.Namespace ?? "" : "", name)
            ?? throw new KubeStatusException(KubeStatus.NotFound(ObjectWriter.Resource(target), name));

    private static void CheckKind(ResourceKind kind, JsonObject obj)
    {
        var bodyKind = obj["kind"]?.GetValue<string>();
        var bodyVersion = obj["apiVersion"]?.GetValue<string>();
        if ((!string.IsNullOrEmpty(bodyKind) && bodyKind != kind.Kind) || (!string.IsNullOrEmpty(bodyVersion) && bodyVersion != kind.ApiVersion))
        {
            throw new KubeStatusException(KubeStatus.BadRequest(
                $"the API version in the data ({bodyVersion}) and kind ({bodyKind}) do not match the resource {kind.QualifiedResource} ({kind.ApiVersion} {kind.Kind})"));
        }
        obj["kind"] = kind.Kind;
        obj["apiVersion"] = kind.ApiVersion;
    }

    private static bool IsDryRun(HttpRequest request) => request.Query["dryRun"].Contains("All");

    private static string Manager(HttpRequest request) =>
        ApiResponses.Query(request, "fieldManager") is { Length: > 0 } manager
            ? manager
            : request.Headers.UserAgent.ToString().Split('/')[0] is { Length: > 0 } agent ? agent : "unknown";

    private static string RandomSuffix()
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        return string.Create(5, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }
}
