using System.Net;

namespace Actors.Gateway.Security;

/// <summary>The names the API server certificate must be valid for: always localhost, 127.0.0.1, ::1 and the host name.</summary>
internal sealed record SubjectAlternativeNames(IReadOnlyList<string> DnsNames, IReadOnlyList<IPAddress> IpAddresses)
{
    /// <summary>The names for this machine (<see cref="Dns.GetHostName"/>) plus configured extras.</summary>
    public static SubjectAlternativeNames ForThisHost(IEnumerable<string>? extraDnsNames = null, IEnumerable<IPAddress>? extraIpAddresses = null) =>
        For(Dns.GetHostName(), extraDnsNames, extraIpAddresses);

    public static SubjectAlternativeNames For(string hostName, IEnumerable<string>? extraDnsNames = null, IEnumerable<IPAddress>? extraIpAddresses = null)
    {
        var dns = new List<string> { "localhost" };
        foreach (var name in new[] { hostName }.Concat(extraDnsNames ?? []))
        {
            if (!string.IsNullOrWhiteSpace(name) && !dns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                dns.Add(name);
            }
        }

        var ips = new List<IPAddress> { IPAddress.Loopback, IPAddress.IPv6Loopback };
        foreach (var ip in extraIpAddresses ?? [])
        {
            if (!ips.Contains(ip))
            {
                ips.Add(ip);
            }
        }

        return new SubjectAlternativeNames(dns, ips);
    }
}
