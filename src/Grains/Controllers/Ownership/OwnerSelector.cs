using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Resources;
using Actors.Grains.Abstractions.Selectors;

namespace Actors.Grains.Controllers.Ownership;

/// <summary>
/// An owner's <c>spec.selector</c> as a matcher. Null when it is missing or malformed: an owner that cannot say
/// what it selects must neither adopt nor release anything, as Kubernetes skips such a sync.
/// </summary>
public static class OwnerSelector
{
    public static LabelMatcher? From(JsonNode? selector)
    {
        if (selector is not JsonObject)
        {
            return null;
        }
        try
        {
            var matcher = LabelMatcher.FromLabelSelector(KubernetesJson.Deserialize<LabelSelector>(selector));
            return matcher.IsEverything || matcher.MatchesNothing ? null : matcher;
        }
        catch (Exception exception) when (exception is LabelSelectorParseException or JsonException)
        {
            return null;
        }
    }

    public static ClaimCandidate Candidate(JsonObject obj, LabelMatcher selector) => new(
        ObjectJson.Name(obj) ?? "",
        ObjectJson.Controller(obj)?.Uid,
        selector.Matches(ObjectJson.Labels(obj)),
        ObjectJson.IsDeleting(obj));
}
