namespace Actors.Grains.Controllers.ReplicaSets;

/// <summary>Create this many pods, and delete these ones.</summary>
public sealed record ReplicaSetPlan(int Create, IReadOnlyList<string> Delete)
{
    public static readonly ReplicaSetPlan Nothing = new(0, []);
}
