using System.Net;

namespace Actors.Gateway.Security;

/// <summary>Decides whether a stored serving certificate can be reused (pure; tested with table cases).</summary>
internal static class CertificatePolicy
{
    /// <summary>Certificates expiring within this window are renewed on start.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    /// <summary>Why the certificate must be regenerated, or null when it can be reused.</summary>
    public static string? RegenerationReason(
        DateTimeOffset notAfter,
        IEnumerable<string> dnsNames,
        IEnumerable<IPAddress> ipAddresses,
        SubjectAlternativeNames desired,
        DateTimeOffset now)
    {
        if (notAfter - now < RenewBefore)
        {
            return $"it expires at {notAfter:u}, within {RenewBefore.TotalDays} days";
        }

        var dns = dnsNames.Select(d => d.ToLowerInvariant()).ToHashSet();
        if (!dns.SetEquals(desired.DnsNames.Select(d => d.ToLowerInvariant())))
        {
            return $"its DNS names [{string.Join(", ", dns.Order())}] differ from [{string.Join(", ", desired.DnsNames)}]";
        }

        var ips = ipAddresses.ToHashSet();
        if (!ips.SetEquals(desired.IpAddresses))
        {
            return $"its IP addresses [{string.Join(", ", ips)}] differ from [{string.Join(", ", desired.IpAddresses)}]";
        }

        return null;
    }
}
