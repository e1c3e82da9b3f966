using System.Reflection;

namespace Actors.Runtime.Invocation;

/// <summary>One method of a grain interface, with everything a call needs precomputed.</summary>
internal sealed class GrainMethod
{
    public required string InterfaceName { get; init; }

    /// <summary>Name plus arity, the method's identity on the wire.</summary>
    public required string Name { get; init; }

    public required MethodInfo Method { get; init; }

    public required Type[] ParameterTypes { get; init; }

    /// <summary>Per parameter: whether a local call may pass it without a copy.</summary>
    public required bool[] ImmutableParameters { get; init; }

    public required ReturnKind ReturnKind { get; init; }

    /// <summary>The <c>T</c> of <c>Task&lt;T&gt;</c>, <c>ValueTask&lt;T&gt;</c> or <c>IAsyncEnumerable&lt;T&gt;</c>.</summary>
    public Type? ResultType { get; init; }

    public bool ResultIsImmutable { get; init; }

    public bool IsReadOnly { get; init; }

    public bool IsAlwaysInterleave { get; init; }

    public bool IsOneWay { get; init; }

    public TimeSpan? ResponseTimeout { get; init; }

    /// <summary>Calls the method on a grain instance and returns what it returned (a task, value task or async enumerable).</summary>
    public required Func<object, object?[], object> Invoke { get; init; }

    /// <summary>Awaits the value <see cref="Invoke"/> returned and gives its result boxed (null for Task/ValueTask).</summary>
    public required Func<object, Task<object?>> AwaitResult { get; init; }

    /// <summary>Turns an async enumerable of the method's item type into one of objects.</summary>
    public Func<object, IAsyncEnumerable<object?>>? AsObjects { get; init; }

    /// <summary>Turns the raw result task into what the proxy must return for this signature.</summary>
    public required Func<Task<object?>, object> ToReturnValue { get; init; }

    /// <summary>Turns an async enumerable of objects into the method's declared return type.</summary>
    public Func<IAsyncEnumerable<object?>, object>? ToAsyncEnumerable { get; init; }

    public override string ToString() => $"{InterfaceName}.{Name}";
}
