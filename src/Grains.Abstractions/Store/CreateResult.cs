using System.Text.Json.Nodes;

namespace Actors.Grains.Abstractions.Store;

/// <summary>The outcome of <see cref="IObjectStore.CreateAsync"/>: a name clash is a value, not an exception.</summary>
public abstract record CreateResult
{
    private CreateResult()
    {
    }

    /// <summary>The object as stored, with uid, creationTimestamp, resourceVersion and generation set.</summary>
    public sealed record Created(JsonObject Object) : CreateResult;

    /// <summary>An object with that kind, namespace and name already exists; <paramref name="Current"/> is it.</summary>
    public sealed record AlreadyExists(JsonObject Current) : CreateResult;
}
