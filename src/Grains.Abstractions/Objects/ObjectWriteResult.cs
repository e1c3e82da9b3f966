namespace Actors.Grains.Abstractions.Objects;

/// <summary>
/// The answer of a resource grain to a write: what happened, the object as stored (JSON, the exact bytes the
/// API returns), or why not. Conflicts and invalid input are values, never exceptions.
/// </summary>
public sealed record ObjectWriteResult(ObjectWriteStatus Status, string? Object, string? Message = null, IReadOnlyList<ValidationCauseInfo>? Causes = null)
{
    public bool Succeeded => Status is ObjectWriteStatus.Created or ObjectWriteStatus.Updated or ObjectWriteStatus.Unchanged
        or ObjectWriteStatus.Deleted or ObjectWriteStatus.Deleting;
}
