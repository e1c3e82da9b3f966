using System.Net;

namespace Actors.Runtime;

/// <summary>
/// A silo process: its endpoint plus a generation (seconds since 2022-01-01 at start), so a restarted
/// process on the same endpoint is a different silo and can never adopt the old one's directory rows.
/// </summary>
public sealed record SiloAddress(IPEndPoint Endpoint, int Generation) : IComparable<SiloAddress>
{
    public static readonly DateTimeOffset GenerationEpoch = new(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static int NewGeneration(TimeProvider time) =>
        (int)(time.GetUtcNow() - GenerationEpoch).TotalSeconds;

    /// <summary><c>127.0.0.1:11111@123456</c>, the form stored in tables and sent on the wire.</summary>
    public string ToParsableString() => $"{Endpoint}@{Generation}";

    public override string ToString() => ToParsableString();

    public static SiloAddress Parse(string value)
    {
        var at = value.LastIndexOf('@');
        if (at <= 0 || !IPEndPoint.TryParse(value[..at], out var endpoint) || !int.TryParse(value[(at + 1)..], out var generation))
        {
            throw new FormatException($"'{value}' is not a silo address of the form host:port@generation.");
        }
        return new SiloAddress(endpoint, generation);
    }

    public bool IsSameEndpoint(SiloAddress other) => Endpoint.Equals(other.Endpoint);

    public uint GetUniformHashCode() => StableHash.Compute(ToParsableString());

    public int CompareTo(SiloAddress? other) =>
        other is null ? 1 : string.CompareOrdinal(ToParsableString(), other.ToParsableString());

    public bool Equals(SiloAddress? other) =>
        other is not null && Generation == other.Generation && Endpoint.Equals(other.Endpoint);

    public override int GetHashCode() => HashCode.Combine(Endpoint, Generation);
}
