namespace Actors.DockerBench;

/// <summary>One way of running the benchmark's containers on the engine; each call leaves the engine as it found it.</summary>
internal interface IColumn
{
    string Name { get; }

    /// <summary>From the request for <paramref name="replicas"/> until all of them are seen Running.</summary>
    Task<TimeSpan> CreateAsync(string run, int replicas);

    /// <summary>From the request to replace <see cref="Scenario.RollingReplicas"/> running replicas until only new ones run.</summary>
    Task<TimeSpan> RollingUpdateAsync(string run);

    /// <summary>From <c>docker kill</c> of a replica's container until its replacement is seen Running.</summary>
    Task<TimeSpan> SelfHealAsync(string run);
}
