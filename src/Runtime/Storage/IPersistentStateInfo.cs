namespace Actors.Runtime;

/// <summary>A persistent state seen without its type, for activation and the management API.</summary>
public interface IPersistentStateInfo
{
    string StateName { get; }

    string? Etag { get; }

    /// <summary>The current state as JSON, as it would be stored.</summary>
    string ToJson();

    Task ReadStateAsync(CancellationToken cancellationToken = default);
}
