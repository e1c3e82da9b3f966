using System.Net;
using System.Text;
using Actors.Runtime.Messaging;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Tests.Messaging;

internal static class TestCenters
{
    public static readonly byte[] Secret = Encoding.ASCII.GetBytes("test-cluster-secret-0123456789ab");

    public static SiloMessageCenter Start(
        string clusterId = "test-cluster",
        byte[]? secret = null,
        ILogger<SiloMessageCenter>? logger = null,
        Func<SiloAddress, bool>? isDead = null,
        Func<Message, IResponseSink, ValueTask>? handler = null)
    {
        var center = new SiloMessageCenter(
            new SiloMessageCenterOptions
            {
                LocalSilo = new SiloAddress(new IPEndPoint(IPAddress.Loopback, 0), 1),
                ClusterId = clusterId,
                ClusterSecret = secret ?? Secret,
                IsSiloDead = isDead ?? (_ => false),
                TimeoutCheckPeriod = TimeSpan.FromMilliseconds(20),
            },
            logger)
        {
            RequestHandler = handler,
        };
        center.Start();
        return center;
    }

    public static ValueTask Echo(Message request, IResponseSink sink)
    {
        sink.Respond(ResponseKind.Success, request.Body);
        return ValueTask.CompletedTask;
    }

    public static Message Request(SiloAddress target, string body = "ping") => new()
    {
        TargetSilo = target,
        TargetGrain = new GrainId("test", "key"),
        InterfaceName = "ITestGrain",
        MethodName = "Echo/1",
        Body = Encoding.UTF8.GetBytes(body),
    };

    public static string Text(Message message) => Encoding.UTF8.GetString(message.Body);
}
