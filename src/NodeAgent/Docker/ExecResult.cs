namespace Actors.NodeAgent.Docker;

/// <summary>
/// The end of an exec: its exit code and its stdout and stderr interleaved (capped). When the deadline passed first,
/// <see cref="TimedOut"/> is set and <see cref="ExitCode"/> is -1; the process may still run in the container.
/// </summary>
public sealed record ExecResult(int ExitCode, string Output, bool TimedOut);
