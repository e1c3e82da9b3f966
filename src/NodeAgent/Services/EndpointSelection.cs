using System.Globalization;
using System.Net;

namespace Actors.NodeAgent.Services;

/// <summary>
/// Where connections to one Service port may go: the ready addresses of every Endpoints subset, each with the
/// subset's port whose name is the Service port's name (as kube-proxy matches them). A subset that lists no ports
/// (a hand-written Endpoints) falls back to a numeric targetPort. Ordered, so that rotation survives a re-read.
/// </summary>
public static class EndpointSelection
{
    public static IReadOnlyList<IPEndPoint> ReadyTargets(ServicePortInfo port, EndpointsInfo? endpoints)
    {
        if (endpoints is null)
        {
            return [];
        }
        var targets = new List<IPEndPoint>();
        foreach (var subset in endpoints.Subsets)
        {
            if (TargetPort(port, subset) is not { } number)
            {
                continue;
            }
            targets.AddRange(subset.Addresses
                .Select(a => IPAddress.TryParse(a, out var ip) ? new IPEndPoint(ip, number) : null)
                .OfType<IPEndPoint>());
        }
        return [.. targets.Distinct().OrderBy(t => t.ToString(), StringComparer.Ordinal)];
    }

    /// <summary>The subset's port for this Service port, or null when the subset does not serve it.</summary>
    public static int? TargetPort(ServicePortInfo port, EndpointSubsetInfo subset)
    {
        if (subset.Ports.Count == 0)
        {
            return int.TryParse(port.TargetPort, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) && numeric is > 0 and <= 65535 ? numeric : null;
        }
        var match = subset.Ports.FirstOrDefault(p => p.Name == port.Name && p.Protocol == port.Protocol && p.Port is > 0 and <= 65535);
        return match?.Port;
    }
}
