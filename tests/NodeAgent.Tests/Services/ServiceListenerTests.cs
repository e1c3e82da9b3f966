using System.Net;
using System.Net.Sockets;
using System.Text;
using Actors.NodeAgent.Services;
using Actors.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.NodeAgent.Tests.Services;

/// <summary>The proxy listener on loopback sockets: rotation, skipping a refusing endpoint, following the snapshot, bind conflicts.</summary>
[Trait("Category", "Unit")]
public sealed class ServiceListenerTests : IAsyncDisposable
{
    private static readonly ServicePortKey Key = new("default", "web", "http");

    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _backends = [];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _backends.ForEach(b => b.Dispose());
        _stop.Dispose();
    }

    [Fact]
    public async Task Connections_rotate_skip_a_refusing_endpoint_and_follow_the_endpoints()
    {
        var a = Backend("a");
        var b = Backend("b");
        var refusing = FreePort.Next();
        var snapshot = Snapshot(a, b, refusing);
        long turn = -1;
        var spec = new ListenerSpec(IPAddress.Loopback, FreePort.Next(), Key);
        await using var listener = ServiceListener.TryStart(spec, () => snapshot, _ => Interlocked.Increment(ref turn), NullLogger.Instance, _stop.Token);
        Assert.NotNull(listener);

        var answers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await ReadAsync(spec.EndPoint));
        }
        Assert.Equal(["a", "b"], answers.Distinct().Order());
        Assert.Equal(6, answers.Count(x => x is "a" or "b"));

        snapshot = Snapshot(a, refusing);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("a", await ReadAsync(spec.EndPoint));
        }
    }

    [Fact]
    public async Task A_second_listener_on_a_taken_address_leaves_it_to_the_first()
    {
        var spec = new ListenerSpec(IPAddress.Loopback, FreePort.Next(), Key);
        await using var first = ServiceListener.TryStart(spec, () => ServiceSnapshot.Empty, _ => 0, NullLogger.Instance, _stop.Token);

        var second = ServiceListener.TryStart(spec, () => ServiceSnapshot.Empty, _ => 0, NullLogger.Instance, _stop.Token);

        Assert.NotNull(first);
        Assert.Null(second);
    }

    /// <summary>A server on loopback that writes its name to every connection and closes it.</summary>
    private int Backend(string name)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen(16);
        _backends.Add(socket);
        _ = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await socket.AcceptAsync(_stop.Token);
                await client.SendAsync(Encoding.ASCII.GetBytes(name), _stop.Token);
                client.Shutdown(SocketShutdown.Both);
            }
        });
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private static ServiceSnapshot Snapshot(params int[] ports) => new(
        [ServiceFixtures.Service("web", "10.96.0.10", ServiceFixtures.Port())],
        [new EndpointsInfo("default", "web", [.. ports.Select(p => new EndpointSubsetInfo(["127.0.0.1"], [], [new EndpointPortInfo("http", "TCP", p)]))])]);

    private static async Task<string> ReadAsync(IPEndPoint endPoint)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(endPoint, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }
}
