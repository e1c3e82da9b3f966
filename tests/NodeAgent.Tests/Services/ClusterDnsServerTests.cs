using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Actors.NodeAgent.Services;
using Actors.NodeAgent.Services.Dns;
using Actors.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.NodeAgent.Tests.Services;

/// <summary>Cluster DNS on a loopback port, asked over UDP and over TCP.</summary>
[Trait("Category", "Unit")]
public sealed class ClusterDnsServerTests
{
    private static readonly ServiceSnapshot Snapshot = new([ServiceFixtures.Service("web", "10.96.0.10", ServiceFixtures.Port())], []);

    [Fact]
    public async Task Answers_over_UDP_and_TCP()
    {
        var port = FreePort.Next();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var server = new ClusterDnsServer(IPAddress.Loopback, () => Snapshot, NullLogger.Instance, port).RunAsync(stop.Token);

        using var udp = new UdpClient(AddressFamily.InterNetwork);
        var query = DnsWireTests.Query("web.default.svc.cluster.local");
        byte[]? answer = null;
        await Eventually.WaitAsync("an answer over UDP", async () =>
        {
            await udp.SendAsync(query, new IPEndPoint(IPAddress.Loopback, port), TestContext.Current.CancellationToken);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            wait.CancelAfter(TimeSpan.FromMilliseconds(500));
            answer = (await udp.ReceiveAsync(wait.Token)).Buffer;
            return true;
        }, TimeSpan.FromSeconds(10));
        Assert.Equal([10, 96, 0, 10], answer![^4..]);

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
        var stream = tcp.GetStream();
        var refused = DnsWireTests.Query("example.com");
        var framed = new byte[refused.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)refused.Length);
        refused.CopyTo(framed, 2);
        await stream.WriteAsync(framed, TestContext.Current.CancellationToken);
        var prefix = new byte[2];
        await stream.ReadExactlyAsync(prefix, TestContext.Current.CancellationToken);
        var response = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
        await stream.ReadExactlyAsync(response, TestContext.Current.CancellationToken);
        Assert.Equal((int)DnsResponseCode.Refused, response[3] & 0xF);
        Assert.Equal(refused[..2], response[..2]);

        await stop.CancelAsync();
        await server;
    }
}
