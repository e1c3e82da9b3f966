namespace Actors.Runtime.Management;

/// <summary>What this silo can tell about itself and the cluster: the source of the dashboard.</summary>
public interface IManagementService
{
    Task<IReadOnlyList<SiloInfo>> GetSilosAsync(CancellationToken cancellationToken);

    IReadOnlyList<GrainTypeInfo> GetGrainTypes();

    IReadOnlyList<MethodStatisticsInfo> GetMethodStatistics();

    IReadOnlyList<string> GetActivationIds(string? grainType, int limit);

    /// <summary>Null when the grain has no activation on this silo.</summary>
    Task<ActivationDetails?> GetActivationDetailsAsync(GrainId grainId, CancellationToken cancellationToken);
}
