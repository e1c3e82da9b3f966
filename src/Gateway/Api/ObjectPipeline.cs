using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Gateway.Errors;
using Actors.Grains.Abstractions.Defaulting;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Abstractions.Resources;
using Actors.Grains.Abstractions.Validation;

namespace Actors.Gateway.Api;

/// <summary>
/// Decoding into the typed model, defaulting and validation of a write (KUBECTL-API.md §5.1, §5.2), done here
/// because the grains store what they are given. Failures are <see cref="KubeStatusException"/>s: 400 for a body
/// the model cannot read, 422 Invalid with causes.
/// </summary>
internal static class ObjectPipeline
{
    /// <summary>The defaulted object as JSON; validated against <paramref name="old"/> for updates.</summary>
    public static JsonObject Prepare(ResourceKind kind, JsonObject obj, JsonObject? old)
    {
        var defaulted = Default(Typed(kind, obj));
        // Kubernetes' omitempty: empty labels or annotations are none (kubectl diff's patch sends "annotations": {}).
        if (defaulted.Metadata is { } metadata)
        {
            metadata.Labels = metadata.Labels is { Count: 0 } ? null : metadata.Labels;
            metadata.Annotations = metadata.Annotations is { Count: 0 } ? null : metadata.Annotations;
        }
        // The stored object is defaulted too before comparing: one a controller wrote (a ReplicaSet's pod) never
        // passed through here, and its missing defaults must not read as a forbidden change (`kubectl label pod`).
        var result = old is null
            ? ResourceValidator.ValidateCreate(defaulted)
            : ResourceValidator.ValidateUpdate(defaulted, Default(Typed(kind, old)));
        if (!result.IsValid)
        {
            throw new KubeStatusException(Invalid(kind, defaulted.Metadata?.Name ?? "", result.Causes.Select(c => (c.Reason, c.Message, c.Field)).ToList(), result.FormatMessage(kind.QualifiedKind, defaulted.Metadata?.Name)));
        }
        return JsonSerializer.SerializeToNode(defaulted, kind.ClrType, KubernetesJson.Options) as JsonObject
            ?? throw new KubeStatusException(KubeStatus.InternalError($"{kind.Kind} did not serialize to an object"));
    }

    // Defaulter.Apply<T> clones kinds without defaults through T's serializer metadata, which the abstract base lacks.
    private static KubernetesObject Default(KubernetesObject typed) => typed switch
    {
        Pod pod => Defaulter.Default(pod),
        Deployment deployment => Defaulter.Default(deployment),
        ReplicaSet replicaSet => Defaulter.Default(replicaSet),
        Service service => Defaulter.Default(service),
        Namespace ns => Defaulter.Default(ns),
        Secret secret => Defaulter.Default(secret),
        _ => typed,
    };

    /// <summary>
    /// Reads a create or update body before anything looks at its fields: 400 for a type error anywhere (a number
    /// as <c>metadata.name</c>, <c>replicas: "three"</c>) and for unknown fields under Strict; the Warn warnings.
    /// </summary>
    public static IReadOnlyList<string> Decode(ResourceKind kind, JsonObject obj, string fieldValidation)
    {
        Typed(kind, obj);
        return FieldValidation.Check(kind, obj, fieldValidation);
    }

    /// <summary>A Scale body (PUT or patched) must read as autoscaling/v1 Scale: 400 naming the field otherwise.</summary>
    public static void DecodeScale(JsonObject scale)
    {
        try
        {
            KubernetesJson.Deserialize<Scale>(scale.ToJsonString());
        }
        catch (Exception e) when (e is JsonException or InvalidCastException or FormatException or InvalidOperationException)
        {
            throw new KubeStatusException(DecodeFailure.Status(Scale.KindValue, "v1", scale, e));
        }
    }

    /// <summary>422 from a grain's answer or the validator's causes.</summary>
    public static JsonObject Invalid(ResourceKind kind, string name, IReadOnlyList<(string Reason, string Message, string Field)> causes, string? message = null)
    {
        var array = new JsonArray();
        foreach (var (reason, text, field) in causes)
        {
            array.Add(new JsonObject { ["reason"] = reason, ["message"] = text, ["field"] = field });
        }
        var details = new JsonObject { ["name"] = name };
        if (kind.Group.Length > 0)
        {
            details["group"] = kind.Group;
        }
        details["kind"] = kind.Kind;
        details["causes"] = array;
        var summary = causes.Count == 1 ? $"{causes[0].Field}: {causes[0].Message}" : "[" + string.Join(", ", causes.Select(c => $"{c.Field}: {c.Message}")) + "]";
        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message ?? $"{kind.QualifiedKind} \"{name}\" is invalid: {summary}",
            ["reason"] = "Invalid",
            ["details"] = details,
            ["code"] = 422,
        };
    }

    public static JsonObject FromCauses(ResourceKind kind, string name, IReadOnlyList<ValidationCauseInfo>? causes, string? message) =>
        Invalid(kind, name, (causes ?? []).Select(c => (c.Reason, c.Message, c.Field)).ToList(), causes is { Count: > 0 } ? null : message);

    private static KubernetesObject Typed(ResourceKind kind, JsonObject obj)
    {
        try
        {
            return (KubernetesObject)KubernetesJson.Deserialize(obj.ToJsonString(), kind.ClrType);
        }
        catch (Exception e) when (e is JsonException or InvalidCastException or FormatException or InvalidOperationException)
        {
            throw new KubeStatusException(DecodeFailure.Status(kind, obj, e));
        }
    }
}
