using System.Text.Json.Nodes;

namespace Actors.Grains.Abstractions.Store;

/// <summary>The outcome of <see cref="IObjectStore.DeleteAsync"/>.</summary>
public abstract record DeleteResult
{
    private DeleteResult()
    {
    }

    /// <summary>The row is gone; <paramref name="Last"/> is its last state carrying the DELETED event's revision.</summary>
    public sealed record Deleted(JsonObject Last) : DeleteResult;

    /// <summary>A precondition (resourceVersion or uid) did not match; <paramref name="Current"/> is the stored object.</summary>
    public sealed record Conflict(JsonObject Current) : DeleteResult;

    public sealed record NotFound : DeleteResult;
}
