namespace Actors.NodeAgent.Docker;

/// <summary>Which output of the process a log line came from; a TTY container has only <see cref="Stdout"/>.</summary>
public enum LogStream
{
    Stdout,
    Stderr,
}
