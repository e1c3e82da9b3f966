using Actors.Runtime.Invocation;

namespace Actors.Runtime.Activation;

/// <summary>Something that runs as a turn of an activation: a request or a timer tick.</summary>
internal abstract class WorkItem
{
    /// <summary>May run while another work item is in progress.</summary>
    public abstract bool IsAlwaysInterleave { get; }

    public abstract bool IsReadOnly { get; }

    /// <summary>The call chain the item belongs to and whether it opted into reentrancy along it.</summary>
    public RequestContext.CallChain? Chain { get; init; }

    public abstract string Name { get; }

    public abstract Task RunAsync(ActivationData activation);

    /// <summary>The activation is gone before the item ran; the caller should retry elsewhere.</summary>
    public abstract void Reject(Exception reason);

    /// <summary>Set when the item's grain code threw, for statistics and recent-call history.</summary>
    public Exception? Error { get; protected set; }
}

/// <summary>A grain call: runs the method and completes the caller's task with its result.</summary>
internal sealed class RequestWorkItem(GrainMethod method, object?[] arguments, TaskCompletionSource<object?> completion) : WorkItem
{
    public GrainMethod Method { get; } = method;

    public object?[] Arguments { get; } = arguments;

    public TaskCompletionSource<object?> Completion { get; } = completion;

    /// <summary>How many silos already passed this call on; past a limit it is hosted wherever it lands.</summary>
    public int ForwardCount { get; init; }


    public override bool IsAlwaysInterleave => Method.IsAlwaysInterleave;

    public override bool IsReadOnly => Method.IsReadOnly;

    public override string Name => Method.Name;

    public override async Task RunAsync(ActivationData activation)
    {
        RequestContext.CurrentChain = Chain ?? RequestContext.CallChain.New();
        try
        {
            var returned = Method.Invoke(activation.GrainInstance!, Arguments);
            var result = await Method.AwaitResult(returned);
            if (Method.ReturnKind == ReturnKind.AsyncEnumerable)
            {
                result = new ActivationBoundEnumerable(activation, Method, result!);
            }
            Completion.TrySetResult(result);
        }
        catch (Exception exception)
        {
            Completion.TrySetException(exception);
            if (exception is InconsistentStateException)
            {
                // Another activation wrote this grain's state: this one is stale and must not go on serving.
                activation.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, "Stale state: " + exception.Message));
            }
            Error = exception;
        }
    }

    public override void Reject(Exception reason) => Completion.TrySetException(reason);
}
