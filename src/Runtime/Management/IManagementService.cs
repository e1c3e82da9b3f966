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

    /// <summary>This silo's statistics, as any silo of the cluster can fetch them.</summary>
    SiloStatistics GetLocalStatistics();

    /// <summary>The statistics of every active silo (this one included); silos that do not answer in time are left out.</summary>
    Task<IReadOnlyList<SiloStatistics>> GetClusterStatisticsAsync(CancellationToken cancellationToken);

    /// <summary>The activation of a grain wherever in the cluster it lives; null when it has none.</summary>
    Task<ActivationDetails?> FindActivationAsync(GrainId grainId, CancellationToken cancellationToken);
}
