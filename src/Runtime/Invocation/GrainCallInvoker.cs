using Actors.Runtime.Activation;
using Actors.Serialization;

namespace Actors.Runtime.Invocation;

/// <summary>
/// The call path behind every grain reference: finds the silo that hosts the grain, then either queues the
/// call into the local activation (copying arguments and result, as Orleans does, unless immutable) or sends
/// it over the transport. A per-call response timeout bounds the wait; the call is never retried after it.
/// </summary>
internal sealed class GrainCallInvoker(GrainManifest manifest, Catalog catalog, IGrainLocator locator, SiloAddress localSilo, TimeSpan defaultTimeout)
{
    /// <summary>Set when the silo has a transport; null in single-silo mode.</summary>
    public IRemoteGrainInvoker? Remote { get; set; }

    public GrainManifest Manifest => manifest;

    public async Task<object?> InvokeAsync(GrainId grainId, GrainMethod method, object?[] arguments)
    {
        var timeout = method.ResponseTimeout ?? defaultTimeout;
        var chain = RequestContext.CurrentChain;
        var silo = await locator.LocateAsync(grainId, manifest.GetClass(grainId.Type), CancellationToken.None);
        if (silo.Equals(localSilo) || Remote is null)
        {
            var result = await InvokeLocalAsync(grainId, method, CopyArguments(method, arguments), chain, timeout);
            return method.ResultIsImmutable || method.ReturnKind == ReturnKind.AsyncEnumerable
                ? result
                : GrainSerializer.DeepCopy(result, method.ResultType!);
        }
        return await Remote.InvokeAsync(silo, grainId, method, arguments, chain, timeout, forwardCount: 0);
    }

    public async IAsyncEnumerable<object?> InvokeStreamAsync(GrainId grainId, GrainMethod method, object?[] arguments)
    {
        var timeout = method.ResponseTimeout ?? defaultTimeout;
        var chain = RequestContext.CurrentChain;
        var silo = await locator.LocateAsync(grainId, manifest.GetClass(grainId.Type), CancellationToken.None);
        IAsyncEnumerable<object?> items;
        if (silo.Equals(localSilo) || Remote is null)
        {
            items = (IAsyncEnumerable<object?>)(await InvokeLocalAsync(grainId, method, CopyArguments(method, arguments), chain, timeout))!;
        }
        else
        {
            items = Remote.InvokeStreamAsync(silo, grainId, method, arguments, chain, timeout);
        }
        await foreach (var item in items)
        {
            yield return item;
        }
    }

    /// <summary>Runs a call in this silo's activation of the grain, creating it if needed.</summary>
    public async Task<object?> InvokeLocalAsync(GrainId grainId, GrainMethod method, object?[] arguments, RequestContext.CallChain? chain, TimeSpan timeout, int forwardCount = 0)
    {
        var completion = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Every request belongs to a chain, so calls it makes can be recognized if they come back.
        var item = new RequestWorkItem(method, arguments, completion) { Chain = chain ?? RequestContext.CallChain.New(), ForwardCount = forwardCount };
        await catalog.EnqueueAsync(grainId, item);
        if (method.IsOneWay)
        {
            return null;
        }
        try
        {
            return await completion.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Response did not arrive on time in {timeout} for {grainId} {method}.");
        }
    }

    /// <summary>Where the catalog sends work that was waiting on an activation that went away.</summary>
    public void Reroute(WorkItem item, GrainId grainId)
    {
        if (item is not RequestWorkItem request)
        {
            return;
        }
        locator.Invalidate(grainId);
        _ = RerouteAsync(request, grainId);
    }

    private async Task RerouteAsync(RequestWorkItem request, GrainId grainId)
    {
        try
        {
            var silo = await locator.LocateAsync(grainId, manifest.GetClass(grainId.Type), CancellationToken.None);
            if (silo.Equals(localSilo) || Remote is null)
            {
                await catalog.EnqueueAsync(grainId, new RequestWorkItem(request.Method, request.Arguments, request.Completion)
                {
                    Chain = request.Chain,
                    ForwardCount = request.ForwardCount + 1,
                });
                return;
            }
            var result = await Remote.InvokeAsync(silo, grainId, request.Method, request.Arguments, request.Chain, defaultTimeout, request.ForwardCount + 1);
            request.Completion.TrySetResult(result);
        }
        catch (Exception exception)
        {
            request.Completion.TrySetException(exception);
        }
    }

    private static object?[] CopyArguments(GrainMethod method, object?[] arguments)
    {
        object?[]? copy = null;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (method.ImmutableParameters[i] || arguments[i] is null)
            {
                continue;
            }
            copy ??= (object?[])arguments.Clone();
            copy[i] = GrainSerializer.DeepCopy(arguments[i], method.ParameterTypes[i]);
        }
        return copy ?? arguments;
    }
}
