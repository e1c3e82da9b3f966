using System.Text.Json.Nodes;

namespace Actors.Grains.Abstractions.Store;

/// <summary>The outcome of <see cref="IObjectStore.UpdateAsync"/>; a stale resourceVersion is a value.</summary>
public abstract record UpdateResult
{
    private UpdateResult()
    {
    }

    /// <summary>The object as stored (unchanged, with its old resourceVersion, when the update was a no-op).</summary>
    public sealed record Updated(JsonObject Object) : UpdateResult;

    /// <summary>The expected resourceVersion or uid did not match; <paramref name="Current"/> is the stored object.</summary>
    public sealed record Conflict(JsonObject Current) : UpdateResult;

    public sealed record NotFound : UpdateResult;
}
