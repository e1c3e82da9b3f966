using System.Globalization;
using System.Text.Json.Nodes;

namespace Actors.Grains.Controllers.Deployments;

/// <summary>Reads a condition from a Deployment's status and writes one back in Kubernetes' shape.</summary>
public static class DeploymentConditionJson
{
    public static DeploymentCondition? Read(JsonObject deployment, string type)
    {
        if (deployment["status"]?["conditions"] is not JsonArray conditions
            || conditions.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type) is not { } condition)
        {
            return null;
        }
        return new DeploymentCondition(type, (string?)condition["status"] ?? "", (string?)condition["reason"] ?? "",
            (string?)condition["message"] ?? "", Time(condition["lastUpdateTime"]), Time(condition["lastTransitionTime"]));
    }

    public static JsonObject ToJson(DeploymentCondition condition) => new()
    {
        ["type"] = condition.Type,
        ["status"] = condition.Status,
        ["lastUpdateTime"] = ObjectJson.Timestamp(condition.LastUpdateTime),
        ["lastTransitionTime"] = ObjectJson.Timestamp(condition.LastTransitionTime),
        ["reason"] = condition.Reason,
        ["message"] = condition.Message,
    };

    // An unreadable time reads as long ago, so a deadline counted from it has passed rather than never passing.
    private static DateTimeOffset Time(JsonNode? value) =>
        value is JsonValue text && text.TryGetValue<string>(out var written)
        && DateTimeOffset.TryParse(written, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : DateTimeOffset.UnixEpoch;
}
