namespace Actors.Grains.Abstractions.Objects;

/// <summary>What a write through a resource grain did; the gateway maps each to an HTTP status.</summary>
public enum ObjectWriteStatus
{
    Created,
    Updated,
    Unchanged,
    Deleted,
    /// <summary>Marked for deletion (finalizers or foreground deletion pending); the object still exists.</summary>
    Deleting,
    NotFound,
    AlreadyExists,
    /// <summary>A stale resourceVersion or uid precondition: HTTP 409 Conflict.</summary>
    Conflict,
    /// <summary>Validation failed: HTTP 422 with the causes.</summary>
    Invalid,
}
