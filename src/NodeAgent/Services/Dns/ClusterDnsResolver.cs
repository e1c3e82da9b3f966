using System.Net;

namespace Actors.NodeAgent.Services.Dns;

/// <summary>What the cluster DNS says to one question: a response code, the A records, and whether it speaks with authority.</summary>
public sealed record DnsAnswer(DnsResponseCode Code, IReadOnlyList<IPAddress> Addresses, bool Authoritative);

/// <summary>
/// Cluster DNS as Kubernetes names it: <c>&lt;service&gt;.&lt;namespace&gt;.svc.&lt;domain&gt;</c> is the Service's
/// cluster IP, or the ready pod IPs of a headless Service. Other names under the domain do not exist; names outside
/// it are refused, since no upstream resolver is reachable from here. Only A records exist: other types of a
/// Service name get an empty answer, so that a resolver asking AAAA first still tries A.
/// </summary>
public static class ClusterDnsResolver
{
    public const string DefaultDomain = "cluster.local";

    public static DnsAnswer Resolve(DnsQuery query, ServiceSnapshot snapshot, string domain = DefaultDomain)
    {
        if (query.Malformed)
        {
            return new DnsAnswer(DnsResponseCode.FormatError, [], false);
        }
        if (query.Opcode != 0)
        {
            return new DnsAnswer(DnsResponseCode.NotImplemented, [], false);
        }
        var name = query.Name.TrimEnd('.');
        if (query.Class != DnsType.ClassIn || !(name == domain || name.EndsWith("." + domain, StringComparison.Ordinal)))
        {
            return new DnsAnswer(DnsResponseCode.Refused, [], false);
        }
        var labels = name.Length == domain.Length ? [] : name[..^(domain.Length + 1)].Split('.');
        if (labels is not [var service, var ns, "svc"] || snapshot.Service(ns, service) is not { } found)
        {
            return new DnsAnswer(DnsResponseCode.NameError, [], true);
        }
        if (query.Type is not (DnsType.A or DnsType.Any))
        {
            return new DnsAnswer(DnsResponseCode.NoError, [], true);
        }
        IReadOnlyList<IPAddress> addresses = found.Headless ? snapshot.ReadyAddresses(ns, service) : found.ClusterIP is { } ip ? [ip] : [];
        return new DnsAnswer(DnsResponseCode.NoError, addresses, true);
    }
}
