using System.Text.Json.Nodes;

namespace Actors.Gateway.Patching;

/// <summary>
/// The outcome of a server-side apply: the merged object (with updated <c>metadata.managedFields</c>), or the
/// conflicts that stopped it (answer 409 with <c>KubeStatus.ApplyConflict</c>), or a malformed configuration.
/// </summary>
internal sealed record ApplyResult(JsonObject? Object, IReadOnlyList<ApplyConflict> Conflicts, PatchError? Error)
{
    public bool Succeeded => Object is not null;

    public static ApplyResult Ok(JsonObject value) => new(value, [], null);

    public static ApplyResult Conflicted(IReadOnlyList<ApplyConflict> conflicts) => new(null, conflicts, null);

    public static ApplyResult Fail(PatchError error) => new(null, [], error);
}
