using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.Grains.Abstractions.Resources;

/// <summary>
/// The <c>pod-template-hash</c> label value: FNV-1a (32 bit) of a canonical JSON of the template, written with
/// Kubernetes' SafeEncodeString alphabet. Stable across processes and field order; not bit-identical to Kubernetes.
/// </summary>
public static class PodTemplateHash
{
    /// <summary>The label key the Deployment controller adds.</summary>
    public const string LabelKey = "pod-template-hash";

    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>The hash of <paramref name="template"/>, ignoring its own pod-template-hash label.</summary>
    public static string Compute(PodTemplateSpec template, int? collisionCount = null)
    {
        var node = KubernetesJson.SerializeToNode(template);
        if (node["metadata"]?["labels"] is JsonObject labels)
        {
            labels.Remove(LabelKey);
        }

        var builder = new StringBuilder();
        WriteCanonical(node, builder);
        if (collisionCount is { } count)
        {
            builder.Append('#').Append(count.ToString(CultureInfo.InvariantCulture));
        }

        var hash = Fnv1a32(Encoding.UTF8.GetBytes(builder.ToString()));
        return SafeEncode(hash.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Kubernetes' <c>rand.SafeEncodeString</c>: maps each character into an alphabet without vowels or look-alikes.</summary>
    public static string SafeEncode(string value)
    {
        var chars = new char[value.Length];
        for (var i = 0; i < value.Length; i++)
        {
            chars[i] = Alphabet[value[i] % Alphabet.Length];
        }

        return new string(chars);
    }

    private static void WriteCanonical(JsonNode? node, StringBuilder builder)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (value is null)
                    {
                        continue;
                    }

                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    builder.Append(JsonSerializer.Serialize(key, KubernetesJsonContext.Default.String)).Append(':');
                    WriteCanonical(value, builder);
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    WriteCanonical(array[i], builder);
                }

                builder.Append(']');
                break;
            default:
                builder.Append(node.ToJsonString());
                break;
        }
    }

    private static uint Fnv1a32(byte[] data)
    {
        var hash = 2166136261u;
        foreach (var b in data)
        {
            hash ^= b;
            hash *= 16777619u;
        }

        return hash;
    }
}
