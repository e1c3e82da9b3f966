namespace Actors.NodeAgent.Docker;

/// <summary>An exec started with its streams kept open; the id is for its resize and exit code.</summary>
public sealed record OpenedExec(string ExecId, HijackedConnection Connection);
