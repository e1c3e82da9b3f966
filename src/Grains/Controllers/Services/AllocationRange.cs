namespace Actors.Grains.Controllers.Services;

/// <summary>
/// A range of values handed out one per holder (clusterIPs as numbers, nodePorts). Like Kubernetes since 1.27,
/// the bottom of the range is a static band: automatic allocation takes the lowest free value above it first,
/// leaving the band to values users pick themselves (10.96.0.10 for DNS, say), and falls back to it when the
/// rest is full.
/// </summary>
public sealed record AllocationRange(long First, long Last, long StaticBandSize)
{
    /// <summary>The clusterIPs of a service CIDR, with Kubernetes' band: size/16, between 16 and 256.</summary>
    public static AllocationRange ForClusterIPs(Ipv4Cidr cidr)
    {
        var (first, last) = cidr.Usable;
        return new AllocationRange(first, last, StaticBand(cidr.Size, min: 16, max: 256, step: 16));
    }

    /// <summary>Node ports, with Kubernetes' band: size/32, between 16 and 128.</summary>
    public static AllocationRange ForNodePorts(int first, int last) =>
        new(first, last, StaticBand(last - first + 1, min: 16, max: 128, step: 32));

    public static readonly AllocationRange NodePortDefault = ForNodePorts(30000, 32767);

    public bool Contains(long value) => value >= First && value <= Last;

    /// <summary>The value automatic allocation hands out next, or null when every value is taken.</summary>
    public long? NextFree(Func<long, bool> taken)
    {
        var dynamicFirst = Math.Min(First + StaticBandSize, Last + 1);
        return LowestFree(dynamicFirst, Last, taken) ?? LowestFree(First, dynamicFirst - 1, taken);
    }

    /// <summary>Kubernetes' calculateRangeOffset: no band in a range of at most <paramref name="min"/> values.</summary>
    public static long StaticBand(long size, long min, long max, long step) =>
        size <= min ? 0 : Math.Clamp(size / step, min, max);

    private static long? LowestFree(long from, long to, Func<long, bool> taken)
    {
        for (var value = from; value <= to; value++)
        {
            if (!taken(value))
            {
                return value;
            }
        }
        return null;
    }
}
