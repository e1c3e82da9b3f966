using System.Net;
using System.Net.Sockets;
using System.Text;
using Actors.NodeAgent.Services;
using Actors.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.NodeAgent.Tests.Services;

/// <summary>The UDP proxy listener on loopback sockets: a flow per client pinned to one endpoint, rotation across flows, replies from the listener, a refusing endpoint left.</summary>
[Trait("Category", "Unit")]
public sealed class UdpServiceListenerTests : IAsyncDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly ServicePortKey Key = new("default", "dns", "dns");

    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _sockets = [];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _sockets.ForEach(s => s.Dispose());
        _stop.Dispose();
    }

    [Fact]
    public async Task Each_client_keeps_its_endpoint_clients_rotate_and_replies_come_from_the_listener()
    {
        var snapshot = Snapshot(Echo("a"), Echo("b"));
        long turn = -1;
        var spec = new ListenerSpec(IPAddress.Loopback, FreePort.Next(), Key, ListenerSpec.Udp);
        await using var listener = UdpServiceListener.TryStart(spec, () => snapshot, _ => Interlocked.Increment(ref turn), NullLogger.Instance);
        Assert.NotNull(listener);

        var first = Client();
        var second = Client();
        var firstAnswers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            firstAnswers.Add(await AskAsync(first, spec.EndPoint, $"q{i}"));
        }
        var secondAnswer = await AskAsync(second, spec.EndPoint, "other");

        Assert.Single(firstAnswers.Select(a => a.Split(':')[0]).Distinct());
        Assert.Equal(["q0", "q1", "q2"], firstAnswers.Select(a => a.Split(':')[1]));
        Assert.NotEqual(firstAnswers[0].Split(':')[0], secondAnswer.Split(':')[0]);
    }

    [Fact]
    public async Task A_flow_whose_endpoint_refuses_ends_and_the_next_datagram_goes_elsewhere()
    {
        var refusing = FreePort.Next();
        var snapshot = Snapshot(refusing, Echo("b"));
        // The first flow goes to the endpoint nothing listens on.
        long turn = snapshot.Targets(Key).ToList().FindIndex(t => t.Port == refusing) - 1;
        var spec = new ListenerSpec(IPAddress.Loopback, FreePort.Next(), Key, ListenerSpec.Udp);
        await using var listener = UdpServiceListener.TryStart(spec, () => snapshot, _ => Interlocked.Increment(ref turn), NullLogger.Instance);
        var client = Client();

        // The refused datagram gets no answer and ends its flow; the client's next one starts a flow to the other endpoint.
        await Eventually.WaitAsync("an answer from the endpoint that listens", async () =>
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            wait.CancelAfter(TimeSpan.FromMilliseconds(500));
            try
            {
                return await AskAsync(client, spec.EndPoint, "hello", wait.Token) == "b:hello";
            }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(10));
    }

    /// <summary>A UDP server on loopback that answers each datagram with its name and the datagram.</summary>
    private int Echo(string name)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _sockets.Add(socket);
        _ = Task.Run(async () =>
        {
            var buffer = new byte[1024];
            while (!_stop.IsCancellationRequested)
            {
                var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
                var answer = Encoding.ASCII.GetBytes($"{name}:{Encoding.ASCII.GetString(buffer, 0, received.ReceivedBytes)}");
                await socket.SendToAsync(answer, SocketFlags.None, received.RemoteEndPoint, _stop.Token);
            }
        });
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private Socket Client()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _sockets.Add(socket);
        return socket;
    }

    /// <summary>Sends a datagram to the listener and reads the answer, which must come from the listener's own address.</summary>
    private static async Task<string> AskAsync(Socket client, IPEndPoint listener, string question, CancellationToken? cancellationToken = null)
    {
        var token = cancellationToken ?? Ct;
        await client.SendToAsync(Encoding.ASCII.GetBytes(question), SocketFlags.None, listener, token);
        var buffer = new byte[1024];
        var received = await client.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), token);
        Assert.Equal(listener, received.RemoteEndPoint);
        return Encoding.ASCII.GetString(buffer, 0, received.ReceivedBytes);
    }

    private static ServiceSnapshot Snapshot(params int[] ports) => new(
        [ServiceFixtures.Service("dns", "10.96.0.10", ServiceFixtures.Port("dns", 53, protocol: "UDP"))],
        [new EndpointsInfo("default", "dns", [.. ports.Select(p => new EndpointSubsetInfo(["127.0.0.1"], [], [new EndpointPortInfo("dns", "UDP", p)]))])]);
}
