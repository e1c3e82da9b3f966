using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Actors.TestSupport;

public static class FreePort
{
    private static readonly ConcurrentDictionary<int, byte> HandedOut = new();

    /// <summary>A loopback port that was free a moment ago and that this process has not handed out before.</summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            // The kernel may offer a port again as soon as it is released; two silos must never get the same one.
            if (HandedOut.TryAdd(port, 0))
            {
                return port;
            }
        }
    }
}
