using System.Text.Json.Nodes;
using Actors.Gateway.Errors;
using Actors.Gateway.Patching;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Abstractions.Store;

namespace Actors.Gateway.Api;

/// <summary>
/// The writes shared by the resource verbs and manifest submission: updating an object through its grain (or only
/// preparing it, for dry runs) and the read-patch-write loop behind PATCH and server-side apply, which creates the
/// object when apply finds none.
/// </summary>
internal sealed class ObjectWriter(IGrainFactory grains, IObjectStore store)
{
    private const int PatchAttempts = 5;

    /// <summary>
    /// Patches the current object with <paramref name="patch"/> (given null when there is none) and writes the result,
    /// again on a version conflict. Absent objects are created when <paramref name="createWhenAbsent"/> (apply),
    /// otherwise 404. Refusals are <see cref="KubeStatusException"/>s; write failures come back as the result.
    /// </summary>
    public async Task<ObjectWriteResult> PatchAsync(
        ResourceTarget target, string name, Func<JsonObject?, JsonObject> patch, bool createWhenAbsent, bool dryRun, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var currentJson = await Grain(target, name).GetAsync();
            var current = currentJson is null ? null : JsonNode.Parse(currentJson) as JsonObject;
            if (current is null && !createWhenAbsent)
            {
                throw new KubeStatusException(KubeStatus.NotFound(Resource(target), name));
            }
            var patched = patch(current);
            var patchedVersion = JsonFields.String(patched["metadata"]?["resourceVersion"], "metadata.resourceVersion");
            var currentVersion = current?["metadata"]?["resourceVersion"]?.GetValue<string>();
            if (!string.IsNullOrEmpty(patchedVersion) && patchedVersion != currentVersion)
            {
                throw new KubeStatusException(KubeStatus.Conflict(Resource(target), name));
            }
            if (current is null)
            {
                return await CreateAsync(target, name, patched, dryRun, cancellationToken);
            }
            var result = await WriteAsync(target, name, patched, current, dryRun);
            if (result.Status == ObjectWriteStatus.Conflict && attempt < PatchAttempts)
            {
                continue;
            }
            return result with { Status = result.Status == ObjectWriteStatus.Created ? ObjectWriteStatus.Updated : result.Status };
        }
    }

    /// <summary>Writes <paramref name="obj"/> over <paramref name="current"/>: the whole object, or only its status for the status subresource.</summary>
    public async Task<ObjectWriteResult> WriteAsync(ResourceTarget target, string name, JsonObject obj, JsonObject current, bool dryRun)
    {
        var grain = Grain(target, name);
        if (target.Subresource == "status")
        {
            // The grain stores a status write as given: a patched status must still read as the kind's model.
            ObjectPipeline.Decode(target.Kind, obj, FieldValidation.Ignore);
            return dryRun
                ? new ObjectWriteResult(ObjectWriteStatus.Updated, obj.ToJsonString())
                : await grain.UpdateStatusAsync(obj.ToJsonString());
        }
        var prepared = ObjectPipeline.Prepare(target.Kind, obj, current);
        if (dryRun)
        {
            return new ObjectWriteResult(JsonEquality.Equal(prepared, current) ? ObjectWriteStatus.Unchanged : ObjectWriteStatus.Updated, prepared.ToJsonString());
        }
        return await grain.UpdateAsync(prepared.ToJsonString());
    }

    /// <summary>Refuses writes into a namespace that does not exist or is terminating.</summary>
    public async Task AdmitToNamespaceAsync(ResourceTarget target, string name, CancellationToken cancellationToken)
    {
        if (target.Kind.Namespaced && target.Namespace is { } ns
            && NamespaceAdmission.Refusal(ns, await store.GetAsync("Namespace", "", ns, cancellationToken), Resource(target), name) is { } refusal)
        {
            throw new KubeStatusException(refusal);
        }
    }

    public IResourceGrain Grain(ResourceTarget target, string name) =>
        ResourceGrains.For(grains, target.Kind.Kind, target.Kind.Namespaced ? target.Namespace : null, name)
            ?? throw new KubeStatusException(KubeStatus.MethodNotAllowed());

    public static GroupResource Resource(ResourceTarget target) => new(target.Kind.Group, target.Kind.Plural);

    /// <summary>The Status of a write that did not succeed; null for one that did.</summary>
    public static JsonObject? Failure(ResourceTarget target, string name, ObjectWriteResult result) => result.Succeeded ? null : result.Status switch
    {
        ObjectWriteStatus.NotFound => KubeStatus.NotFound(Resource(target), name),
        ObjectWriteStatus.AlreadyExists => KubeStatus.AlreadyExists(Resource(target), name),
        ObjectWriteStatus.Conflict => KubeStatus.Conflict(Resource(target), name),
        ObjectWriteStatus.Invalid => ObjectPipeline.FromCauses(target.Kind, name, result.Causes, result.Message),
        _ => KubeStatus.InternalError($"unexpected write result {result.Status}"),
    };

    // Server-side apply of a missing object creates it, named and placed by the URL.
    private async Task<ObjectWriteResult> CreateAsync(ResourceTarget target, string name, JsonObject patched, bool dryRun, CancellationToken cancellationToken)
    {
        await AdmitToNamespaceAsync(target, name, cancellationToken);
        var metadata = patched["metadata"] as JsonObject ?? [];
        patched["metadata"] = metadata;
        metadata["name"] = name;
        if (target.Kind.Namespaced)
        {
            metadata["namespace"] = target.Namespace;
        }
        var prepared = ObjectPipeline.Prepare(target.Kind, patched, null);
        return dryRun
            ? new ObjectWriteResult(ObjectWriteStatus.Created, prepared.ToJsonString())
            : await Grain(target, name).CreateAsync(prepared.ToJsonString());
    }
}
