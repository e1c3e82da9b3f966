namespace Actors.NodeAgent.Docker;

/// <summary>The part of an inspected container's <c>HostConfig</c> that shows how it was placed in its pod and limited.</summary>
public sealed record ContainerInspectHostConfig
{
    public string NetworkMode { get; init; } = "";

    public IReadOnlyList<string>? Binds { get; init; }

    public long Memory { get; init; }

    public long NanoCpus { get; init; }
}
