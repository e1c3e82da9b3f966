namespace Actors.Runtime.Management;

/// <summary>Management queries answered by other silos.</summary>
internal interface IRemoteManagement
{
    Task<IReadOnlyList<SiloStatistics>> GetClusterStatisticsAsync(SiloStatistics local, CancellationToken cancellationToken);

    Task<ActivationDetails?> FindActivationAsync(GrainId grainId, CancellationToken cancellationToken);
}
