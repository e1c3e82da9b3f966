using Actors.Runtime.Directory;
using Actors.Runtime.Membership;
using Actors.Runtime.Messaging;
using Actors.Serialization;

namespace Actors.Runtime.Management;

/// <summary>
/// Management queries across silos: system messages to each active silo, answered from its local management
/// view. Slow or dead silos are left out rather than holding up the answer.
/// </summary>
internal sealed class ClusterManagement(
    SiloAddress self,
    SiloMessageCenter messages,
    IGrainDirectory directory,
    Func<MembershipSnapshot> snapshot) : IRemoteManagement
{
    public const string InterfaceName = "$management";
    public const string Statistics = "statistics";
    public const string Activation = "activation";

    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(2);

    public async Task<IReadOnlyList<SiloStatistics>> GetClusterStatisticsAsync(SiloStatistics local, CancellationToken cancellationToken)
    {
        var peers = snapshot().Active.Where(e => !e.SiloAddress.Equals(self) && e.RoleName != Placement.PlacementDecision.ClientRole).Select(e => e.SiloAddress);
        var remote = await Task.WhenAll(peers.Select(peer => QueryAsync<SiloStatistics>(peer, Statistics, [], cancellationToken)));
        return [local, .. remote.OfType<SiloStatistics>()];
    }

    public async Task<ActivationDetails?> FindActivationAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        var entry = await directory.LookupAsync(grainId, cancellationToken);
        if (entry is null || entry.SiloAddress.Equals(self) || !snapshot().IsActive(entry.SiloAddress))
        {
            return null;
        }
        return await QueryAsync<ActivationDetails>(entry.SiloAddress, Activation, System.Text.Encoding.UTF8.GetBytes(grainId.ToString()), cancellationToken);
    }

    /// <summary>Answers another silo's query from this silo's management view.</summary>
    public static async Task<byte[]> AnswerAsync(IManagementService local, string query, byte[] body, CancellationToken cancellationToken) => query switch
    {
        Statistics => GrainSerializer.Serialize(local.GetLocalStatistics(), typeof(SiloStatistics)),
        Activation => GrainSerializer.Serialize(
            await local.GetActivationDetailsAsync(GrainId.Parse(System.Text.Encoding.UTF8.GetString(body)), cancellationToken), typeof(ActivationDetails)),
        _ => throw new GrainCallException($"Unknown management query '{query}'."),
    };

    private async Task<T?> QueryAsync<T>(SiloAddress silo, string query, byte[] body, CancellationToken cancellationToken) where T : class
    {
        try
        {
            var response = await messages.SendRequestAsync(new Message { TargetSilo = silo, InterfaceName = InterfaceName, MethodName = query, Body = body }, QueryTimeout, cancellationToken);
            return response.Result == ResponseKind.Success ? GrainSerializer.Deserialize<T>(response.Body) : null;
        }
        catch (Exception exception) when (exception is SiloUnavailableException or TimeoutException)
        {
            return null;
        }
    }
}
