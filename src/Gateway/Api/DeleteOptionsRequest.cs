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
        var propagationText = JsonFields.String(body?["propagationPolicy"], "DeleteOptions.propagationPolicy") ?? propagationQuery;
        var orphan = JsonFields.Bool(body?["orphanDependents"], "DeleteOptions.orphanDependents") ?? orphanQuery is "true" or "True" or "1";
        var propagation = propagationText switch
        {
            null or "" => orphan ? PropagationPolicy.Orphan : PropagationPolicy.Background,
            "Background" => PropagationPolicy.Background,
            "Foreground" => PropagationPolicy.Foreground,
            "Orphan" => PropagationPolicy.Orphan,
            _ => throw new KubeStatusException(KubeStatus.BadRequest($"propagationPolicy: Unsupported value: \"{propagationText}\": supported values: \"Foreground\", \"Background\", \"Orphan\"")),
        };
        var grace = JsonFields.Long(body?["gracePeriodSeconds"], "DeleteOptions.gracePeriodSeconds");
        if (grace is null && !string.IsNullOrEmpty(graceQuery))
        {
            grace = long.TryParse(graceQuery, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new KubeStatusException(KubeStatus.BadRequest($"gracePeriodSeconds: invalid value \"{graceQuery}\""));
        }
        var preconditions = body?["preconditions"] as JsonObject;
        var dryRun = body?["dryRun"] is JsonArray dry && dry.Any(v => JsonFields.String(v, "DeleteOptions.dryRun") == "All");
        return new DeleteOptionsRequest(
            new DeleteRequest(
                propagation,
                grace,
                JsonFields.String(preconditions?["resourceVersion"], "DeleteOptions.preconditions.resourceVersion"),
                JsonFields.String(preconditions?["uid"], "DeleteOptions.preconditions.uid")),
            dryRun);
    }
}
