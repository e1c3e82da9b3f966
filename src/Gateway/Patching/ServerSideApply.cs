using System.Text.Json.Nodes;

namespace Actors.Gateway.Patching;

/// <summary>
/// Server-side apply (KUBECTL-API.md §20) over JSON objects, with field ownership in <c>metadata.managedFields</c>:
/// conflicts with other managers (unless forced), a directive-free strategic merge, removal of fields the applier
/// owned before and no longer applies, and <c>Update</c> entries for ordinary writes.
/// </summary>
internal static class ServerSideApply
{
    /// <summary>Applies <paramref name="config"/> for <paramref name="manager"/>; <paramref name="live"/> null means create.</summary>
    public static ApplyResult Apply(
        string kind, string apiVersion, JsonObject? live, JsonObject config, string manager, bool force, DateTimeOffset now)
    {
        live ??= new JsonObject();
        var applied = FieldSet.FromObject(kind, config);
        var entries = ManagedFieldsEntry.Read(live).ToList();
        var mine = entries.FirstOrDefault(e => e.Manager == manager && e.Operation == ManagedFieldsEntry.Apply);
        var others = entries.Where(e => !ReferenceEquals(e, mine)).ToList();

        var conflicts = new List<ApplyConflict>();
        var conflicting = new HashSet<string>(StringComparer.Ordinal);
        foreach (var other in others)
        {
            foreach (var path in applied.Paths.Where(other.Fields.Contains).Order(StringComparer.Ordinal))
            {
                FieldSet.TryResolve(live, path, out var liveValue);
                FieldSet.TryResolve(config, path, out var configValue);
                var isLeaf = configValue is not JsonObject;
                if (isLeaf && !JsonEquality.Equal(liveValue, configValue))
                {
                    conflicts.Add(new ApplyConflict(other.Manager, other.ApiVersion, FieldSet.Display(path)));
                    conflicting.Add(path);
                }
            }
        }

        if (conflicts.Count > 0 && !force)
        {
            return ApplyResult.Conflicted(conflicts);
        }

        var liveWithoutManagedFields = (JsonObject)live.DeepClone();
        (liveWithoutManagedFields["metadata"] as JsonObject)?.Remove("managedFields");
        var configWithoutManagedFields = (JsonObject)config.DeepClone();
        (configWithoutManagedFields["metadata"] as JsonObject)?.Remove("managedFields");
        var merged = StrategicMergePatch.MergeConfig(kind, liveWithoutManagedFields, configWithoutManagedFields);
        if (!merged.Succeeded)
        {
            return ApplyResult.Fail(merged.Error);
        }

        var result = merged.Document!.AsObject();
        others = others.Select(o => o with { Fields = o.Fields.Except(conflicting) }).ToList();

        // Fields this manager applied before and dropped now go away, unless someone else still owns them.
        if (mine is not null)
        {
            var dropped = mine.Fields.Paths.Where(p => !applied.Contains(p) && !others.Any(o => o.Fields.ContainsOrUnder(p)));
            foreach (var path in dropped.OrderBy(p => FieldSet.Split(p).Length))
            {
                FieldSet.Remove(result, path);
            }
        }

        // Re-applying what is already there keeps the entry's time, as Kubernetes does, so the write is a no-op.
        var noOp = mine is not null && mine.ApiVersion == apiVersion && mine.Fields.SetEquals(applied)
            && conflicting.Count == 0 && JsonEquality.Equal(result, liveWithoutManagedFields);
        var entry = new ManagedFieldsEntry(manager, ManagedFieldsEntry.Apply, apiVersion, noOp ? mine!.Time : ManagedFieldsEntry.FormatTime(now), applied);
        ManagedFieldsEntry.Write(result, InPlace(entries, mine, entry, others));
        return ApplyResult.Ok(result);
    }

    /// <summary>
    /// Records a non-apply write (create, update, patch, /scale): <paramref name="manager"/> gets an Update entry for
    /// the fields whose value changed from <paramref name="before"/> (all of them on create) and the others lose them.
    /// Returns a copy of <paramref name="after"/> carrying the new managedFields.
    /// </summary>
    public static JsonObject RecordUpdate(
        string kind, string apiVersion, JsonObject? before, JsonObject after, string manager, DateTimeOffset now, string? subresource = null)
    {
        var result = (JsonObject)after.DeepClone();
        var entries = before is null ? [] : ManagedFieldsEntry.Read(before).ToList();
        var changed = FieldSet.FromObject(kind, result).Paths
            .Where(path => before is null
                || !FieldSet.TryResolve(before, path, out var old)
                || (FieldSet.TryResolve(result, path, out var value) && value is not JsonObject && !JsonEquality.Equal(old, value)))
            .ToList();

        var mine = entries.FirstOrDefault(e => e.Manager == manager && e.Operation == ManagedFieldsEntry.Update && e.Subresource == subresource);
        var others = entries.Where(e => !ReferenceEquals(e, mine)).Select(e => e with { Fields = e.Fields.Except(changed) }).ToList();

        // Keep only what still exists in the object.
        var stillThere = FieldSet.FromObject(kind, result);
        var owned = (mine?.Fields ?? new FieldSet()).Union(changed);
        owned = new FieldSet(owned.Paths.Where(stillThere.Contains));
        if (owned.IsEmpty && mine is null)
        {
            ManagedFieldsEntry.Write(result, others);
            return result;
        }

        var entry = new ManagedFieldsEntry(manager, ManagedFieldsEntry.Update, apiVersion, ManagedFieldsEntry.FormatTime(now), owned, subresource);
        ManagedFieldsEntry.Write(result, InPlace(entries, mine, entry, others));
        return result;
    }

    // Keeps the entries' order: the manager's entry stays where it was, or is appended.
    private static List<ManagedFieldsEntry> InPlace(
        List<ManagedFieldsEntry> original, ManagedFieldsEntry? previous, ManagedFieldsEntry replacement, List<ManagedFieldsEntry> others)
    {
        var list = new List<ManagedFieldsEntry>(others);
        var index = previous is null ? -1 : original.IndexOf(previous);
        if (index < 0 || index > list.Count)
        {
            list.Add(replacement);
        }
        else
        {
            list.Insert(index, replacement);
        }

        return list;
    }
}
