using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Gateway.Dashboard;

/// <summary>The API's JSON: camelCase, enums as their names.</summary>
internal static class DashboardJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
