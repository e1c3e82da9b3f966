namespace Actors.Runtime;

/// <summary>A grain's durable state. <see cref="Etag"/> is checked on every write.</summary>
public interface IPersistentState<TState>
    where TState : new()
{
    TState State { get; set; }

    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync(CancellationToken cancellationToken = default);

    Task WriteStateAsync(CancellationToken cancellationToken = default);

    Task ClearStateAsync(CancellationToken cancellationToken = default);
}

/// <summary>Injects an <see cref="IPersistentState{TState}"/> constructor parameter, read before <c>OnActivateAsync</c>.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    public string StateName { get; } = stateName;

    public string? StorageName { get; } = storageName;
}

/// <summary>A write or clear carried an ETag that no longer matches storage: another activation wrote first.</summary>
public sealed class InconsistentStateException(string message, string? storedEtag = null, string? currentEtag = null)
    : Exception(message)
{
    public string? StoredEtag { get; } = storedEtag;

    public string? CurrentEtag { get; } = currentEtag;
}
