using System.Globalization;

namespace Actors.NodeAgent.Docker;

/// <summary>
/// Parses the engine's RFC 3339 timestamps, which carry nanoseconds: .NET keeps seven fractional digits, so the
/// rest are dropped before parsing rather than failing on them.
/// </summary>
internal static class DockerTime
{
    private const int MaxFractionDigits = 7;

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        var dot = text.IndexOf('.');
        if (dot >= 0)
        {
            var digits = 0;
            while (dot + 1 + digits < text.Length && char.IsAsciiDigit(text[dot + 1 + digits]))
            {
                digits++;
            }
            if (digits > MaxFractionDigits)
            {
                var trimmed = string.Concat(text[..(dot + 1 + MaxFractionDigits)], text[(dot + 1 + digits)..]);
                return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
            }
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>The engine's <c>since</c> form: Unix seconds with a fraction.</summary>
    public static string ToUnixSeconds(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var seconds = ticks / TimeSpan.TicksPerSecond;
        var nanos = ticks % TimeSpan.TicksPerSecond * 100;
        return string.Create(CultureInfo.InvariantCulture, $"{seconds}.{nanos:D9}");
    }
}
