using Actors.Runtime.Messaging;
using Actors.Serialization;

namespace Actors.Runtime.Invocation;

/// <summary>Grain calls to other silos over the message center: arguments and results as JSON.</summary>
internal sealed class RemoteGrainInvoker(SiloMessageCenter messages, Action<GrainId> invalidate) : IRemoteGrainInvoker
{
    private static readonly TimeSpan StreamItemTimeout = TimeSpan.FromHours(12);

    public async Task<object?> InvokeAsync(SiloAddress silo, GrainId grainId, GrainMethod method, object?[] arguments, RequestContext.CallChain? chain, TimeSpan timeout, int forwardCount)
    {
        var request = CreateRequest(silo, grainId, method, arguments, chain, forwardCount);
        if (method.IsOneWay)
        {
            request.Direction = MessageDirection.OneWay;
            messages.SendOneWay(request);
            return null;
        }
        Message response;
        try
        {
            response = await messages.SendRequestAsync(request, timeout, CancellationToken.None);
        }
        catch (SiloUnavailableException)
        {
            invalidate(grainId);
            throw;
        }
        return Decode(grainId, method, response);
    }

    public async IAsyncEnumerable<object?> InvokeStreamAsync(SiloAddress silo, GrainId grainId, GrainMethod method, object?[] arguments, RequestContext.CallChain? chain, TimeSpan timeout)
    {
        var request = CreateRequest(silo, grainId, method, arguments, chain, forwardCount: 0);
        // A followed stream (pod logs) may be quiet for long; the connection failing ends it, not a timer.
        await foreach (var item in messages.SendStreamingRequestAsync(request, StreamItemTimeout))
        {
            if (item.Result != ResponseKind.StreamItem)
            {
                Decode(grainId, method, item);
                yield break;
            }
            yield return GrainSerializer.Deserialize(item.Body, method.ResultType!);
        }
    }

    private static Message CreateRequest(SiloAddress silo, GrainId grainId, GrainMethod method, object?[] arguments, RequestContext.CallChain? chain, int forwardCount) => new()
    {
        Direction = MessageDirection.Request,
        TargetSilo = silo,
        TargetGrain = grainId,
        InterfaceName = method.InterfaceName,
        MethodName = method.Name,
        IsReadOnly = method.IsReadOnly,
        IsAlwaysInterleave = method.IsAlwaysInterleave,
        CallChainId = CallChainHeader.Encode(chain),
        ForwardCount = forwardCount,
        Body = GrainSerializer.SerializeArguments(arguments, method.ParameterTypes),
    };

    private object? Decode(GrainId grainId, GrainMethod method, Message response)
    {
        switch (response.Result)
        {
            case ResponseKind.Success:
                return method.ResultType is null || method.ReturnKind == ReturnKind.AsyncEnumerable || response.Body.Length == 0
                    ? null
                    : GrainSerializer.Deserialize(response.Body, method.ResultType);
            case ResponseKind.Error:
                throw RemoteException.Decode(response.Body);
            default:
                invalidate(grainId);
                throw new SiloUnavailableException($"{response.SendingSilo} rejected the call to {grainId}: {System.Text.Encoding.UTF8.GetString(response.Body)}");
        }
    }
}
