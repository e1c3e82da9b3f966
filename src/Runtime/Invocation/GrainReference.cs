using System.Reflection;

namespace Actors.Runtime.Invocation;

/// <summary>
/// The proxy behind every grain interface reference. It only builds a call: the same code path serves a
/// local, remote or not-yet-active grain.
/// </summary>
public class GrainReference : DispatchProxy
{
    private GrainCallInvoker? _invoker;

    public GrainId GrainId { get; private set; }

    internal void Initialize(GrainId grainId, GrainCallInvoker invoker)
    {
        GrainId = grainId;
        _invoker = invoker;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var invoker = _invoker ?? throw new InvalidOperationException("The grain reference is not initialized.");
        var method = invoker.Manifest.GetMethod(targetMethod);
        var arguments = args ?? [];
        if (method.ReturnKind == ReturnKind.AsyncEnumerable)
        {
            return method.ToAsyncEnumerable!(invoker.InvokeStreamAsync(GrainId, method, arguments));
        }
        return method.ToReturnValue(invoker.InvokeAsync(GrainId, method, arguments));
    }

    public override string ToString() => $"GrainReference:{GrainId}";
}
