using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Gateway.Errors;
using Actors.Grains.Abstractions.Objects;

namespace Actors.Gateway.Api;

/// <summary>DeleteOptions merged from the query and the body, the body winning (KUBECTL-API.md §12.5).</summary>
internal sealed record DeleteOptionsRequest(DeleteRequest Request, bool DryRun)
{
    public static DeleteOptionsRequest From(JsonObject? body, string? propagationQuery, string? graceQuery, string? orphanQuery)
    {
        var propagationText = body?["propagationPolicy"]?.GetValue<string>() ?? propagationQuery;
        var orphan = body?["orphanDependents"] is JsonValue o ? o.GetValue<bool>() : orphanQuery is "true" or "True" or "1";
        var propagation = propagationText switch
        {
            null or "" => orphan ? PropagationPolicy.Orphan : PropagationPolicy.Background,
            "Background" => PropagationPolicy.Background,
            "Foreground" => PropagationPolicy.Foreground,
            "Orphan" => PropagationPolicy.Orphan,
            _ => throw new KubeStatusException(KubeStatus.BadRequest($"propagationPolicy: Unsupported value: \"{propagationText}\": supported values: \"Foreground\", \"Background\", \"Orphan\"")),
        };
        long? grace = body?["gracePeriodSeconds"] is JsonValue g ? g.GetValue<long>() : null;
        if (grace is null && !string.IsNullOrEmpty(graceQuery))
        {
            grace = long.TryParse(graceQuery, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new KubeStatusException(KubeStatus.BadRequest($"gracePeriodSeconds: invalid value \"{graceQuery}\""));
        }
        var preconditions = body?["preconditions"] as JsonObject;
        var dryRun = body?["dryRun"] is JsonArray dry && dry.Any(v => v?.GetValue<string>() == "All");
        return new DeleteOptionsRequest(
            new DeleteRequest(propagation, grace, preconditions?["resourceVersion"]?.GetValue<string>(), preconditions?["uid"]?.GetValue<string>()),
            dryRun);
    }
}
