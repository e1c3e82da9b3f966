namespace Actors.Grains.Controllers.Services;

/// <summary>
/// Which service holds which clusterIP and nodePort, and the allocation decisions over it: no I/O, so the
/// allocator grain is a thin shell and every rule is tested here. Values are counted per holder so that
/// duplicates already in the store (written before this allocator existed) are released one holder at a time.
/// </summary>
public sealed class ServiceAllocations(Ipv4Cidr cidr, AllocationRange nodePorts)
{
    private readonly AllocationRange _clusterIPs = AllocationRange.ForClusterIPs(cidr);
    private readonly Dictionary<string, Holding> _held = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _ipHolders = [];
    private readonly Dictionary<long, int> _portHolders = [];

    /// <summary>
    /// Reserves what <paramref name="service"/> asks for on top of what it holds, all or nothing. An empty
    /// clusterIP or a 0 nodePort takes one the service already holds and does not use otherwise, else the next
    /// free one.
    /// </summary>
    public ServiceAllocationResult Reserve(string service, ServiceAddresses request)
    {
        var holding = _held.GetValueOrDefault(service) ?? new Holding([], []);
        var causes = new List<ValidationCauseInfo>();
        var ip = request.ClusterIP is { } requestedIP ? ReserveIP(holding, requestedIP, causes) : null;
        var ports = ReservePorts(holding, request.NodePorts, causes);
        if (causes.Count > 0)
        {
            return new ServiceAllocationResult(null, causes);
        }
        var allocated = new ServiceAddresses(ip is null ? null : Ipv4Cidr.Format(ip.Value), ports);
        Hold(service, new Holding(
            ip is null ? holding.IPs : [.. holding.IPs, ip.Value],
            [.. holding.Ports, .. ports.Select(p => (long)p)]));
        return new ServiceAllocationResult(allocated, []);
    }

    /// <summary>Sets what the service holds to exactly the values its stored object uses; null releases everything.</summary>
    public void Settle(string service, ServiceAddresses? stored)
    {
        if (stored is null)
        {
            Hold(service, null);
            return;
        }
        HashSet<long> ips = stored.ClusterIP is { } text && Ipv4Cidr.TryParseAddress(text, out var address) ? [address] : [];
        Hold(service, new Holding(ips, stored.NodePorts.Where(p => p > 0).Select(p => (long)p).ToHashSet()));
    }

    private long? ReserveIP(Holding holding, string requested, List<ValidationCauseInfo> causes)
    {
        if (requested.Length == 0)
        {
            if (holding.IPs.Count > 0)
            {
                return holding.IPs.Min();
            }
            if (_clusterIPs.NextFree(_ipHolders.ContainsKey) is { } free)
            {
                return free;
            }
            causes.Add(new ValidationCauseInfo("FieldValueInvalid", "Invalid value: []string{}: failed to allocate a serviceIP: range is full", "spec.clusterIPs"));
            return null;
        }
        var invalid = $"Invalid value: []string{{\"{requested}\"}}: failed to allocate IP {requested}: ";
        if (!Ipv4Cidr.TryParseAddress(requested, out var ip) || !_clusterIPs.Contains(ip))
        {
            causes.Add(new ValidationCauseInfo("FieldValueInvalid",
                invalid + $"the provided IP ({requested}) is not in the valid range. The range of valid IPs is {cidr}", "spec.clusterIPs"));
            return null;
        }
        if (HeldByOthers(_ipHolders, holding.IPs, ip))
        {
            causes.Add(new ValidationCauseInfo("FieldValueInvalid", invalid + "provided IP is already allocated", "spec.clusterIPs"));
            return null;
        }
        return ip;
    }

    private int[] ReservePorts(Holding holding, IReadOnlyList<int> requested, List<ValidationCauseInfo> causes)
    {
        var result = requested.ToArray();
        var explicitPorts = requested.Where(p => p != 0).Select(p => (long)p).ToHashSet();
        for (var i = 0; i < requested.Count; i++)
        {
            var port = requested[i];
            if (port == 0)
            {
                continue;
            }
            var field = $"spec.ports[{i}].nodePort";
            if (!nodePorts.Contains(port))
            {
                causes.Add(new ValidationCauseInfo("FieldValueInvalid",
                    $"Invalid value: {port}: provided port is not in the valid range. The range of valid ports is {nodePorts.First}-{nodePorts.Last}", field));
            }
            else if (HeldByOthers(_portHolders, holding.Ports, port))
            {
                causes.Add(new ValidationCauseInfo("FieldValueInvalid", $"Invalid value: {port}: provided port is already allocated", field));
            }
        }
        var spare = new Queue<long>(holding.Ports.Where(p => !explicitPorts.Contains(p)).Order());
        var chosen = new HashSet<long>(explicitPorts);
        for (var i = 0; i < requested.Count; i++)
        {
            if (requested[i] != 0)
            {
                continue;
            }
            long? port = spare.TryDequeue(out var reused)
                ? reused
                : nodePorts.NextFree(p => chosen.Contains(p) || _portHolders.ContainsKey(p));
            if (port is null)
            {
                causes.Add(new ValidationCauseInfo("FieldValueInvalid", "Invalid value: 0: failed to allocate a nodePort: range is full", $"spec.ports[{i}].nodePort"));
                continue;
            }
            result[i] = (int)port.Value;
            chosen.Add(port.Value);
        }
        return result;
    }

    // A value this service holds itself counts once; anything beyond is another service's.
    private static bool HeldByOthers(Dictionary<long, int> holders, HashSet<long> own, long value) =>
        holders.GetValueOrDefault(value) > (own.Contains(value) ? 1 : 0);

    private void Hold(string service, Holding? holding)
    {
        if (_held.Remove(service, out var previous))
        {
            Count(_ipHolders, previous.IPs, -1);
            Count(_portHolders, previous.Ports, -1);
        }
        if (holding is not null && (holding.IPs.Count > 0 || holding.Ports.Count > 0))
        {
            _held[service] = holding;
            Count(_ipHolders, holding.IPs, +1);
            Count(_portHolders, holding.Ports, +1);
        }
    }

    private static void Count(Dictionary<long, int> holders, IEnumerable<long> values, int delta)
    {
        foreach (var value in values)
        {
            var count = holders.GetValueOrDefault(value) + delta;
            if (count > 0)
            {
                holders[value] = count;
            }
            else
            {
                holders.Remove(value);
            }
        }
    }

    private sealed record Holding(HashSet<long> IPs, HashSet<long> Ports);
}
