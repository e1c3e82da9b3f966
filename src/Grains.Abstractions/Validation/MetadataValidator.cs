using System.Text;
using Actors.Grains.Abstractions.Resources;

namespace Actors.Grains.Abstractions.Validation;

/// <summary>ObjectMeta, label and annotation rules (apimachinery <c>ValidateObjectMeta</c>).</summary>
internal static class MetadataValidator
{
    public const int TotalAnnotationSizeLimitBytes = 256 * 1024;

    public static void Validate(ObjectMeta? meta, bool namespaced, Func<string, IReadOnlyList<string>> nameRule, FieldErrors errors)
    {
        meta ??= new ObjectMeta();
        if (!string.IsNullOrEmpty(meta.GenerateName))
        {
            // The server appends random characters, so only the prefix is checked, without a trailing dash.
            var prefix = meta.GenerateName.TrimEnd('-');
            if (prefix.Length > 0)
            {
                errors.InvalidEach("metadata.generateName", meta.GenerateName, nameRule(prefix));
            }
        }

        if (string.IsNullOrEmpty(meta.Name))
        {
            if (string.IsNullOrEmpty(meta.GenerateName))
            {
                errors.Required("metadata.name", "name or generateName is required");
            }
        }
        else
        {
            errors.InvalidEach("metadata.name", meta.Name, nameRule(meta.Name));
        }

        if (namespaced)
        {
            if (string.IsNullOrEmpty(meta.Namespace))
            {
                errors.Required("metadata.namespace");
            }
            else
            {
                errors.InvalidEach("metadata.namespace", meta.Namespace, NameRules.IsDnsLabel(meta.Namespace));
            }
        }
        else if (!string.IsNullOrEmpty(meta.Namespace))
        {
            errors.Forbidden("metadata.namespace", "not allowed on this type");
        }

        if (meta.Generation is < 0)
        {
            errors.Invalid("metadata.generation", meta.Generation, "must be greater than or equal to 0");
        }

        ValidateLabels(meta.Labels, "metadata.labels", errors);
        ValidateAnnotations(meta.Annotations, "metadata.annotations", errors);
        var index = 0;
        foreach (var owner in meta.OwnerReferences ?? [])
        {
            var path = $"metadata.ownerReferences[{index++}]";
            RequireNonEmpty(owner.ApiVersion, path + ".apiVersion", errors, "version must not be empty");
            RequireNonEmpty(owner.Kind, path + ".kind", errors, "kind must not be empty");
            RequireNonEmpty(owner.Name, path + ".name", errors, "name must not be empty");
            RequireNonEmpty(owner.Uid, path + ".uid", errors, "uid must not be empty");
        }

        if ((meta.OwnerReferences ?? []).Count(o => o.Controller == true) > 1)
        {
            errors.Invalid("metadata.ownerReferences", "", "Only one reference can have Controller set to true");
        }

        foreach (var finalizer in meta.Finalizers ?? [])
        {
            if (!finalizer.Contains('/', StringComparison.Ordinal) && finalizer is not ("kubernetes" or "foregroundDeletion" or "orphan"))
            {
                errors.Invalid("metadata.finalizers", finalizer, "name is neither a standard finalizer name nor is it fully qualified");
            }
            else
            {
                errors.InvalidEach("metadata.finalizers", finalizer, NameRules.IsQualifiedName(finalizer));
            }
        }
    }

    public static void ValidateUpdate(ObjectMeta? newMeta, ObjectMeta? oldMeta, FieldErrors errors)
    {
        newMeta ??= new ObjectMeta();
        oldMeta ??= new ObjectMeta();
        Immutable(newMeta.Name, oldMeta.Name, "metadata.name", errors);
        Immutable(newMeta.Namespace, oldMeta.Namespace, "metadata.namespace", errors);
        if (!string.IsNullOrEmpty(newMeta.Uid))
        {
            // Kubernetes uses the existing uid when an update gives none (rest.BeforeUpdate).
            Immutable(newMeta.Uid, oldMeta.Uid, "metadata.uid", errors);
        }
        if (newMeta.CreationTimestamp is not null && oldMeta.CreationTimestamp is not null && newMeta.CreationTimestamp != oldMeta.CreationTimestamp)
        {
            errors.Invalid("metadata.creationTimestamp", newMeta.CreationTimestamp.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), "field is immutable");
        }
    }

    public static void ValidateLabels(IReadOnlyDictionary<string, string>? labels, string path, FieldErrors errors)
    {
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
        {
            errors.InvalidEach(path, key, NameRules.IsQualifiedName(key));
            errors.InvalidEach(path, value, NameRules.IsLabelValue(value));
        }
    }

    public static void ValidateAnnotations(IReadOnlyDictionary<string, string>? annotations, string path, FieldErrors errors)
    {
        var total = 0;
        foreach (var (key, value) in annotations ?? new Dictionary<string, string>())
        {
            errors.InvalidEach(path, key, NameRules.IsQualifiedName(key.ToLowerInvariant()));
            total += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value);
        }

        if (total > TotalAnnotationSizeLimitBytes)
        {
            errors.TooLong(path, TotalAnnotationSizeLimitBytes);
        }
    }

    public static void Immutable(string? newValue, string? oldValue, string path, FieldErrors errors)
    {
        if (!string.IsNullOrEmpty(oldValue) && newValue != oldValue)
        {
            errors.Invalid(path, newValue ?? "", "field is immutable");
        }
    }

    private static void RequireNonEmpty(string? value, string path, FieldErrors errors, string detail)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Invalid(path, "", detail);
        }
    }
}
