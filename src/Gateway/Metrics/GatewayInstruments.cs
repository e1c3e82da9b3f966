using System.Diagnostics.Metrics;

namespace Actors.Gateway.Metrics;

/// <summary>
/// The API server's own instruments on the meter "Actors.Gateway", which /metrics exports. Static, as .NET's own
/// libraries keep theirs: the request handlers that use them are static functions.
/// </summary>
public static class GatewayInstruments
{
    public const string MeterName = "Actors.Gateway";

    private static readonly Meter Meter = new(MeterName);

    private static readonly UpDownCounter<long> WatchConnections = Meter.CreateUpDownCounter<long>(
        "actors_watch_connections", null, "Watch requests being served now, by kind");

    /// <summary>Counts a watch as open until the returned handle is disposed.</summary>
    public static IDisposable WatchOpened(string kind)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind);
        WatchConnections.Add(1, tag);
        return new Closer(() => WatchConnections.Add(-1, tag));
    }

    private sealed class Closer(Action close) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                close();
            }
        }
    }
}
