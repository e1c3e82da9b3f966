namespace Actors.NodeAgent.Runtime;

/// <summary>How an exec'd command ended; TimedOut when it outlived its timeout (a failed probe).</summary>
public sealed record ExecOutcome(int ExitCode, string Output, bool TimedOut);
