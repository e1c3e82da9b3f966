using System.IO.Hashing;
using System.Text;
using System.Text.Json.Nodes;

namespace Actors.Grains.Controllers.Deployments;

/// <summary>
/// The <c>pod-template-hash</c> of a pod template: a stable hash of its JSON without the hash label itself,
/// written with Kubernetes' safe alphabet (no vowels, so no words), as ReplicaSet names carry it.
/// </summary>
public static class TemplateHash
{
    public const string Label = "pod-template-hash";
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Compute(JsonObject template)
    {
        var copy = template.DeepClone().AsObject();
        (copy["metadata"]?["labels"] as JsonObject)?.Remove(Label);
        var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(Canonical(copy)));
        var text = new StringBuilder();
        for (var i = 0; i < 10; i++)
        {
            text.Append(Alphabet[(int)(hash % (ulong)Alphabet.Length)]);
            hash /= (ulong)Alphabet.Length;
        }
        return text.ToString();
    }

    /// <summary>JSON with object keys sorted, so equal templates hash equally whatever their key order.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => "{" + string.Join(",", obj.Where(p => p.Value is not null).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => JsonValue.Create(p.Key).ToJsonString() + ":" + Canonical(p.Value))) + "}",
        JsonArray array => "[" + string.Join(",", array.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
