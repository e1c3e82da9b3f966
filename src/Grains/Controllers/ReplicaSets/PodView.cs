namespace Actors.Grains.Controllers.ReplicaSets;

/// <summary>What the ReplicaSet planner needs to know about one of its pods.</summary>
public sealed record PodView(string Name, string? NodeName, string Phase, bool Ready, DateTimeOffset Created, bool Terminating);
