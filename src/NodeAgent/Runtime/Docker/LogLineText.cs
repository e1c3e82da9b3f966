using System.Globalization;
using Actors.NodeAgent.Docker;

namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>
/// A log line as the pod log endpoint prints it: the text, preceded with <c>timestamps=true</c> by its RFC 3339 time
/// in UTC with trailing fractional zeros dropped (Go's RFC3339Nano, as kubectl shows it).
/// </summary>
public static class LogLineText
{
    public static string Format(LogLine line, bool timestamps) =>
        timestamps && line.Timestamp is { } time
            ? time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) + " " + line.Text
            : line.Text;
}
