using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Actors.Grains.Controllers.Services;

/// <summary>An IPv4 CIDR and the address arithmetic the clusterIP allocator needs; addresses are numbers here.</summary>
public sealed record Ipv4Cidr(uint Network, int PrefixLength)
{
    /// <summary>Kubernetes' default service CIDR; 10.96.0.1 is the <c>default/kubernetes</c> Service.</summary>
    public static Ipv4Cidr ServiceDefault { get; } = Parse("10.96.0.0/12");

    /// <summary>Parses <c>a.b.c.d/n</c>; host bits are cleared, as Kubernetes does.</summary>
    /// <exception cref="FormatException">Not an IPv4 CIDR.</exception>
    public static Ipv4Cidr Parse(string cidr)
    {
        var slash = cidr.IndexOf('/');
        if (slash < 0
            || !TryParseAddress(cidr[..slash], out var address)
            || !int.TryParse(cidr[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            || prefix > 32)
        {
            throw new FormatException($"\"{cidr}\" is not an IPv4 CIDR");
        }
        return new Ipv4Cidr(address & Mask(prefix), prefix);
    }

    /// <summary>How many addresses the CIDR spans, network and broadcast included.</summary>
    public long Size => 1L << (32 - PrefixLength);

    /// <summary>
    /// The addresses that can be handed out: all but the network and broadcast addresses, as Kubernetes'
    /// allocator, except in a /31 or /32 where there are none to spare.
    /// </summary>
    public (long First, long Last) Usable => Size <= 2
        ? (Network, Network + Size - 1)
        : (Network + 1L, Network + Size - 2);

    public bool Contains(uint address) => (address & Mask(PrefixLength)) == Network;

    public override string ToString() => $"{Format(Network)}/{PrefixLength.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParseAddress(string text, out uint address)
    {
        address = 0;
        if (!IPAddress.TryParse(text, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork || text.Count(c => c == '.') != 3)
        {
            return false;
        }
        var bytes = ip.GetAddressBytes();
        address = ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        return true;
    }

    public static string Format(long address) => string.Create(CultureInfo.InvariantCulture,
        $"{(address >> 24) & 0xFF}.{(address >> 16) & 0xFF}.{(address >> 8) & 0xFF}.{address & 0xFF}");

    private static uint Mask(int prefix) => prefix == 0 ? 0 : uint.MaxValue << (32 - prefix);
}
