using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.Gateway.Patching;

/// <summary>
/// JSON value equality as RFC 6902's <c>test</c> defines it: numbers compare by value (1 equals 1.0), objects ignore
/// member order, arrays compare element-wise.
/// </summary>
internal static class JsonEquality
{
    public static bool Equal(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        switch (a)
        {
            case JsonObject oa when b is JsonObject ob:
                if (oa.Count != ob.Count)
                {
                    return false;
                }

                foreach (var (key, value) in oa)
                {
                    if (!ob.TryGetPropertyValue(key, out var other) || !Equal(value, other))
                    {
                        return false;
                    }
                }

                return true;
            case JsonArray aa when b is JsonArray ab:
                if (aa.Count != ab.Count)
                {
                    return false;
                }

                for (var i = 0; i < aa.Count; i++)
                {
                    if (!Equal(aa[i], ab[i]))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValue va when b is JsonValue vb:
                var ka = va.GetValueKind();
                var kb = vb.GetValueKind();
                if (ka == JsonValueKind.Number && kb == JsonValueKind.Number)
                {
                    return NumberEqual(va.ToJsonString(), vb.ToJsonString());
                }

                return ka == kb && va.ToJsonString() == vb.ToJsonString();
            default:
                return false;
        }
    }

    // Through the JSON text, so values parsed from documents and values created from CLR numbers compare alike.
    private static bool NumberEqual(string a, string b)
    {
        const NumberStyles Style = NumberStyles.Float;
        if (decimal.TryParse(a, Style, CultureInfo.InvariantCulture, out var da) && decimal.TryParse(b, Style, CultureInfo.InvariantCulture, out var db))
        {
            return da == db;
        }

        return double.Parse(a, Style, CultureInfo.InvariantCulture).Equals(double.Parse(b, Style, CultureInfo.InvariantCulture));
    }
}
