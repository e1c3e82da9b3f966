using Actors.Runtime.Messaging;
using Actors.Serialization;

namespace Actors.Runtime.Invocation;

/// <summary>
/// Runs grain calls that arrive from other silos: finds the method by its wire name, runs it in the local
/// activation (which forwards when another silo's activation owns the grain), and answers — items one by one
/// for a streaming method.
/// </summary>
internal sealed class InboundCallHandler(
    GrainManifest manifest,
    GrainCallInvoker invoker,
    TimeSpan timeout,
    Action onMembershipChanged,
    Func<string, byte[], CancellationToken, Task<byte[]>> answerManagement)
{
    public const string Ping = "$ping";

    public const string MembershipChanged = "$membership";

    public async ValueTask HandleAsync(Message request, IResponseSink sink)
    {
        if (request.InterfaceName == MembershipChanged)
        {
            onMembershipChanged();
            return;
        }
        if (request.InterfaceName == Management.ClusterManagement.InterfaceName)
        {
            try
            {
                sink.Respond(ResponseKind.Success, await answerManagement(request.MethodName, request.Body, sink.Cancelled));
            }
            catch (Exception exception)
            {
                sink.Respond(ResponseKind.Error, RemoteException.Encode(exception));
            }
            return;
        }
        if (request.InterfaceName == Ping)
        {
            sink.Respond(ResponseKind.Success, []);
            return;
        }
        if (!manifest.TryGetMethod(request.InterfaceName, request.MethodName, out var method))
        {
            sink.Respond(ResponseKind.Error, RemoteException.Encode(
                new GrainCallException($"Unknown grain method {request.InterfaceName}.{request.MethodName}.")));
            return;
        }
        try
        {
            var arguments = GrainSerializer.DeserializeArguments(request.Body, method.ParameterTypes);
            var chain = CallChainHeader.Decode(request.CallChainId);
            var result = await invoker.InvokeLocalAsync(request.TargetGrain, method, arguments, chain, timeout, request.ForwardCount);
            if (method.ReturnKind == ReturnKind.AsyncEnumerable)
            {
                await foreach (var item in ((IAsyncEnumerable<object?>)result!).WithCancellation(sink.Cancelled))
                {
                    if (!sink.SendStreamItem(GrainSerializer.Serialize(item, method.ResultType!)))
                    {
                        return;
                    }
                }
                sink.CompleteStream();
                return;
            }
            var body = method.ResultType is null ? [] : GrainSerializer.Serialize(result, method.ResultType);
            sink.Respond(ResponseKind.Success, body);
        }
        catch (OperationCanceledException) when (sink.Cancelled.IsCancellationRequested)
        {
            // The consumer stopped reading the stream; nobody waits for an answer.
        }
        catch (Exception exception)
        {
            sink.Respond(ResponseKind.Error, RemoteException.Encode(exception));
        }
    }
}
