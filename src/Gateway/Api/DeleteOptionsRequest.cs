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
        // A misshapen precondition or dry run must not degrade into an unconditional, real delete.
        var preconditions = body?["preconditions"] switch
        {
            null => null,
            JsonObject given => given,
            var other => throw WrongShape(other, "DeleteOptions.preconditions", "Preconditions"),
        };
        var dryRun = body?["dryRun"] switch
        {
            null => false,
            JsonArray dry => dry.Any(v => JsonFields.String(v, "DeleteOptions.dryRun") == "All"),
            var other => throw WrongShape(other, "DeleteOptions.dryRun", "[]string"),
        };
        return new DeleteOptionsRequest(
            new DeleteRequest(
                propagation,
                grace,
                JsonFields.String(preconditions?["resourceVersion"], "DeleteOptions.preconditions.resourceVersion"),
                JsonFields.String(preconditions?["uid"], "DeleteOptions.preconditions.uid")),
            dryRun);
    }

    private static KubeStatusException WrongShape(JsonNode node, string field, string expected) =>
        new(KubeStatus.BadRequest($"json: cannot unmarshal {DecodeFailure.JsonKind(node)} into Go struct field {field} of type {expected}"));
}
