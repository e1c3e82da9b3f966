using System.IO.Hashing;
using System.Text;

namespace Actors;

/// <summary>A hash that is the same in every process, for placement and ring ownership.</summary>
public static class StableHash
{
    public static uint Compute(string value) => XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(value));

    public static uint Compute(ReadOnlySpan<byte> value) => XxHash32.HashToUInt32(value);
}
