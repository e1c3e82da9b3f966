namespace Actors.DockerBench;

/// <summary>The rows of the table, in order; every column records under these names.</summary>
internal static class Rows
{
    public const string One = "1 replica: create -> Running";

    public const string Rolling = "rolling update of 10 (surge 25%, unavail 25%)";

    public const string SelfHeal = "docker kill -> replacement Running";

    public const string Sandboxes = "engine containers per pod";

    public static string Many(int replicas) => $"{replicas} replicas: create -> all Running";

    public static string Sequential(int replicas) => $"{replicas} replicas, one at a time";

    public static string PodShaped(int replicas) => $"{replicas} replicas as sandbox + app pairs";

    public static IReadOnlyList<string> InOrder(int replicas) => [One, Many(replicas), Sequential(replicas), PodShaped(replicas), Rolling, SelfHeal, Sandboxes];
}
