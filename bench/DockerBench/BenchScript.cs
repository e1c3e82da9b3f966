namespace Actors.DockerBench;

/// <summary>What bench/docker.sh relies on to clean up after a failed run.</summary>
internal static class BenchScript
{
    /// <summary>Every raw container and Swarm service container carries it; the script removes whatever still has it.</summary>
    public const string Label = "io.actors.bench";
}
