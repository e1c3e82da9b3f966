namespace Actors.Runtime.Invocation;

/// <summary>Sends grain calls to another silo; implemented over the silo transport.</summary>
internal interface IRemoteGrainInvoker
{
    Task<object?> InvokeAsync(SiloAddress silo, GrainId grainId, GrainMethod method, object?[] arguments, RequestContext.CallChain? chain, TimeSpan timeout, int forwardCount);

    IAsyncEnumerable<object?> InvokeStreamAsync(SiloAddress silo, GrainId grainId, GrainMethod method, object?[] arguments, RequestContext.CallChain? chain, TimeSpan timeout);
}
