using System.Globalization;
using System.Text.Json.Nodes;

namespace Actors.Grains.Controllers.Deployments;

/// <summary>
/// maxSurge and maxUnavailable resolved against the desired replicas as Kubernetes does: percentages of
/// surge round up, of unavailability round down, and both zero means one may be unavailable.
/// </summary>
public static class RolloutLimits
{
    public static (int MaxSurge, int MaxUnavailable) Resolve(JsonNode? maxSurge, JsonNode? maxUnavailable, int desired)
    {
        var surge = Scaled(maxSurge ?? JsonValue.Create("25%"), desired, roundUp: true);
        var unavailable = Scaled(maxUnavailable ?? JsonValue.Create("25%"), desired, roundUp: false);
        if (surge == 0 && unavailable == 0)
        {
            unavailable = 1;
        }
        return (surge, unavailable);
    }

    public static int Scaled(JsonNode value, int total, bool roundUp)
    {
        if (value is JsonValue number && number.TryGetValue<int>(out var absolute))
        {
            return absolute;
        }
        var text = value.ToString().Trim();
        if (text.EndsWith('%') && int.TryParse(text[..^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var percent))
        {
            var exact = percent * total / 100.0;
            return (int)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
        }
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
    }
}
