using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Actors.Grains.Abstractions.Resources;

/// <summary>
/// Finds the fields of a raw document that the model does not declare, for <c>fieldValidation=Strict</c> and
/// <c>Warn</c> (KUBECTL-API.md section 19).
/// </summary>
public static class UnknownFields
{
    /// <summary>
    /// The unknown field paths in document order, e.g. <c>.spec.replica</c> and
    /// <c>.spec.template.spec.containers[0].imagePulPolicy</c>. Map keys (labels, data) are never unknown.
    /// </summary>
    public static IReadOnlyList<string> Find(JsonElement document, Type targetType)
    {
        var found = new List<string>();
        Walk(document, KubernetesJson.Options.GetTypeInfo(targetType), "", found);
        return found;
    }

    /// <summary>The same for JSON text.</summary>
    public static IReadOnlyList<string> Find(string json, Type targetType)
    {
        using var document = JsonDocument.Parse(json);
        return Find(document.RootElement, targetType);
    }

    /// <summary>Kubernetes' strict-decoding wording: <c>unknown field "spec.replica"</c>.</summary>
    public static string Describe(string path) => $"unknown field \"{path.TrimStart('.')}\"";

    private static void Walk(JsonElement element, JsonTypeInfo typeInfo, string path, List<string> found)
    {
        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object when element.ValueKind == JsonValueKind.Object:
                var properties = new Dictionary<string, JsonPropertyInfo>(StringComparer.Ordinal);
                foreach (var property in typeInfo.Properties)
                {
                    properties[property.Name] = property;
                }

                foreach (var member in element.EnumerateObject())
                {
                    var memberPath = path + "." + member.Name;
                    if (properties.TryGetValue(member.Name, out var property))
                    {
                        Walk(member.Value, Resolve(property.PropertyType), memberPath, found);
                    }
                    else if (!UnmodelledFields.Contains(typeInfo.Type, member.Name))
                    {
                        found.Add(memberPath);
                    }
                }

                break;
            case JsonTypeInfoKind.Enumerable when element.ValueKind == JsonValueKind.Array && typeInfo.ElementType is not null:
                var elementInfo = Resolve(typeInfo.ElementType);
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, elementInfo, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", found);
                    index++;
                }

                break;
            case JsonTypeInfoKind.Dictionary when element.ValueKind == JsonValueKind.Object && typeInfo.ElementType is not null:
                var valueInfo = Resolve(typeInfo.ElementType);
                foreach (var member in element.EnumerateObject())
                {
                    Walk(member.Value, valueInfo, path + "." + member.Name, found);
                }

                break;
        }
    }

    private static JsonTypeInfo Resolve(Type type) =>
        KubernetesJson.Options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
}
