using System.Text.Json.Nodes;
using Actors.Gateway.Errors;
using Actors.Grains.Abstractions.Resources;
using Actors.Grains.Abstractions.Selectors;

namespace Actors.Gateway.Api;

/// <summary>The selectors of a list or watch, parsed once: 400 for a malformed selector or unsupported field.</summary>
internal sealed record ListRequest(LabelMatcher Labels, FieldSelector Fields)
{
    public static ListRequest Parse(ResourceKind kind, string? labelSelector, string? fieldSelector)
    {
        if (!LabelMatcher.TryParse(labelSelector, out var labels, out var labelError))
        {
            throw new KubeStatusException(KubeStatus.BadRequest($"unable to parse requirement: {labelError}"));
        }
        if (!FieldSelector.TryParse(fieldSelector, out var fields, out var fieldError))
        {
            throw new KubeStatusException(KubeStatus.BadRequest($"invalid field selector: {fieldError}"));
        }
        if (fields.Validate(kind.Kind) is { } unsupported)
        {
            throw new KubeStatusException(KubeStatus.BadRequest(unsupported));
        }
        return new ListRequest(labels, fields);
    }

    public bool Matches(string kind, JsonObject obj)
    {
        if (!Labels.IsEverything)
        {
            var labels = (obj["metadata"]?["labels"] as JsonObject)?
                .Where(p => p.Value is JsonValue)
                .ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
            if (!Labels.Matches(labels))
            {
                return false;
            }
        }
        return Fields.IsEverything || Fields.Matches(kind, obj);
    }
}
