using System.Text.Json.Nodes;
using Actors.Grains.Controllers.Ownership;

namespace Actors.Grains.Objects;

/// <summary>
/// Tells the owners whose selector matches an orphan (a bare pod, a ReplicaSet left by an orphaning delete) that
/// they may adopt it, so adoption happens at once rather than at their next resync, which still repairs a
/// notification lost here. Only when the orphan appears, loses its controller or changes its labels: its other
/// changes cannot make anyone adopt it.
/// </summary>
public static partial class AdopterNotifier
{
    public static async Task NotifyAsync(IGrainFactory grains, IObjectStore store, ILogger logger, string ownerKind, JsonObject? before, JsonObject after)
    {
        if (ObjectJson.Controller(after) is not null || ObjectJson.IsDeleting(after))
        {
            return;
        }
        var labels = ObjectJson.Labels(after);
        if (before is not null && ObjectJson.Controller(before) is null && LabelsEqual(ObjectJson.Labels(before), labels))
        {
            return;
        }
        var ns = ObjectJson.Namespace(after) ?? "";
        try
        {
            var owners = await store.ListAsync(ownerKind, ns, new ListOptions
            {
                Filter = owner => OwnerSelector.From(owner["spec"]?["selector"]) is { } selector && selector.Matches(labels),
            });
            foreach (var owner in owners.Items)
            {
                if (ResourceGrains.For(grains, ownerKind, ns, ObjectJson.Name(owner) ?? "") is IOwnerGrain grain)
                {
                    await grain.OrphanMatchedAsync();
                }
            }
        }
        catch (Exception exception)
        {
            LogNotifyFailed(logger, ownerKind, ns, ObjectJson.Name(after) ?? "", exception.Message);
        }
    }

    private static bool LabelsEqual(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var value) && value == p.Value);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telling the {Kind} owners in {Namespace} about orphan {Name} failed (their resync repairs it): {Error}")]
    private static partial void LogNotifyFailed(ILogger logger, string kind, string @namespace, string name, string error);
}
