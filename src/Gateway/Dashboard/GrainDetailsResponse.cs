using System.Text.Json.Nodes;
using Actors.Runtime.Management;

namespace Actors.Gateway.Dashboard;

/// <summary><c>GET /dashboard/api/grain/{type}/{key}</c>: one activation, its persistent states as JSON values.</summary>
public sealed record GrainDetailsResponse(
    string GrainId,
    string ActivationId,
    string Silo,
    string State,
    double IdleSeconds,
    IReadOnlyDictionary<string, JsonNode?> PersistentStates,
    IReadOnlyList<TimerView> Timers,
    IReadOnlyList<string> Reminders,
    IReadOnlyList<RecentCallView> RecentCalls)
{
    public static GrainDetailsResponse From(ActivationDetails details) => new(
        details.GrainId,
        details.ActivationId,
        details.Silo,
        details.State,
        details.IdleTime.TotalSeconds,
        details.PersistentStates.ToDictionary(s => s.Key, s => ParseState(s.Value), StringComparer.Ordinal),
        details.Timers.Select(t => new TimerView(t.DueTime.TotalMilliseconds, t.Period.TotalMilliseconds, t.Interleave, t.KeepAlive, t.Ticks)).ToArray(),
        details.Reminders,
        details.RecentCalls.Select(c => new RecentCallView(c.Method, c.Started, c.Elapsed.TotalMilliseconds, c.Error)).ToArray());

    /// <summary>State is stored as JSON; should a provider hold something else, show it as a string rather than fail.</summary>
    internal static JsonNode? ParseState(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}
