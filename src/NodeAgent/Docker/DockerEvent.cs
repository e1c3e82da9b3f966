namespace Actors.NodeAgent.Docker;

/// <summary>
/// One engine event. For containers <see cref="Action"/> is e.g. <c>create</c>, <c>start</c>, <c>die</c>, <c>oom</c>,
/// <c>destroy</c>; <see cref="Attributes"/> holds the labels, the name and, for <c>die</c>, <c>exitCode</c>.
/// </summary>
public sealed record DockerEvent(
    string Type,
    string Action,
    string ActorId,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset Time);
