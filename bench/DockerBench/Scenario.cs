namespace Actors.DockerBench;

/// <summary>
/// What every column runs, so the three measure the same containers doing the same thing. Swarm gets the image
/// by its ID (<see cref="ImageId"/>); the others by tag, the update moving from <see cref="Image"/> to <see cref="UpdatedImage"/>.
/// </summary>
internal sealed record Scenario(bool Smoke, string Image, string UpdatedImage, string ImageId)
{
    /// <summary>How often each column asks whether its containers run: the granularity of every number.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    public const string ContainerName = "main";

    public const int RollingReplicas = 10;

    /// <summary>How often the short rows (one replica, self-heal) are measured; the table shows the median.</summary>
    public int Repetitions => Smoke ? 1 : 3;

    /// <summary>Exits at once on SIGTERM (a shell as PID 1 ignores it otherwise), so no column waits out a grace period.</summary>
    public static readonly IReadOnlyList<string> Command = ["sh", "-c", "trap 'exit 0' TERM; sleep 2147483647 & wait"];

    public int Replicas => Smoke ? 5 : 50;
}
