namespace Actors.NodeAgent.Docker;

/// <summary>The <c>State</c> of an inspected container.</summary>
public sealed record ContainerState
{
    /// <summary><c>created</c>, <c>running</c>, <c>paused</c>, <c>restarting</c>, <c>removing</c>, <c>exited</c> or <c>dead</c>.</summary>
    public string Status { get; init; } = "";

    public bool Running { get; init; }

    public bool Restarting { get; init; }

    public bool OOMKilled { get; init; }

    public bool Dead { get; init; }

    public int Pid { get; init; }

    public int ExitCode { get; init; }

    public string Error { get; init; } = "";

    /// <summary>The year 1 when the container never started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>The year 1 when the container has not finished.</summary>
    public DateTimeOffset FinishedAt { get; init; }
}
