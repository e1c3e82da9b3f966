using System.Linq.Expressions;
using System.Reflection;
using Actors.Concurrency;
using Actors.Serialization;

namespace Actors.Runtime.Invocation;

/// <summary>Builds <see cref="GrainMethod"/> descriptions with compiled invokers, once per interface method.</summary>
internal static class GrainMethodFactory
{
    public static GrainMethod Create(Type interfaceType, MethodInfo method)
    {
        var parameters = method.GetParameters();
        var (kind, resultType) = Classify(interfaceType, method);
        return new GrainMethod
        {
            InterfaceName = WireName(interfaceType),
            Name = $"{method.Name}`{parameters.Length}",
            Method = method,
            ParameterTypes = parameters.Select(p => p.ParameterType).ToArray(),
            ImmutableParameters = parameters
                .Select(p => p.GetCustomAttribute<ImmutableAttribute>() is not null || ImmutableTypes.IsImmutable(p.ParameterType))
                .ToArray(),
            ReturnKind = kind,
            ResultType = resultType,
            ResultIsImmutable = resultType is null || ImmutableTypes.IsImmutable(resultType),
            IsReadOnly = method.GetCustomAttribute<ReadOnlyAttribute>() is not null,
            IsAlwaysInterleave = method.GetCustomAttribute<AlwaysInterleaveAttribute>() is not null,
            IsOneWay = method.GetCustomAttribute<OneWayAttribute>() is not null,
            ResponseTimeout = method.GetCustomAttribute<ResponseTimeoutAttribute>()?.Timeout,
            Invoke = CompileInvoker(interfaceType, method),
            AwaitResult = BuildAwaiter(kind, resultType),
            AsObjects = kind == ReturnKind.AsyncEnumerable ? BuildGeneric<Func<object, IAsyncEnumerable<object?>>>(nameof(Adapters.EnumerateObjects), resultType!) : null,
            ToReturnValue = BuildReturnConverter(kind, resultType),
            ToAsyncEnumerable = kind == ReturnKind.AsyncEnumerable ? BuildGeneric<Func<IAsyncEnumerable<object?>, object>>(nameof(Adapters.CastEnumerable), resultType!) : null,
        };
    }

    public static string WireName(Type interfaceType) => interfaceType.FullName ?? interfaceType.Name;

    private static (ReturnKind, Type?) Classify(Type interfaceType, MethodInfo method)
    {
        var type = method.ReturnType;
        if (type == typeof(Task))
        {
            return (ReturnKind.Task, null);
        }
        if (type == typeof(ValueTask))
        {
            return (ReturnKind.ValueTask, null);
        }
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var argument = type.GetGenericArguments()[0];
            if (definition == typeof(Task<>))
            {
                return (ReturnKind.TaskOfT, argument);
            }
            if (definition == typeof(ValueTask<>))
            {
                return (ReturnKind.ValueTaskOfT, argument);
            }
            if (definition == typeof(IAsyncEnumerable<>))
            {
                return (ReturnKind.AsyncEnumerable, argument);
            }
        }
        throw new InvalidOperationException(
            $"{interfaceType.FullName}.{method.Name} returns {type.Name}: grain methods must return Task, Task<T>, ValueTask, ValueTask<T> or IAsyncEnumerable<T>.");
    }

    private static Func<object, object?[], object> CompileInvoker(Type interfaceType, MethodInfo method)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var arguments = method.GetParameters()
            .Select((p, i) => Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType));
        var call = Expression.Call(Expression.Convert(grain, interfaceType), method, arguments);
        var body = Expression.Convert(call, typeof(object));
        return Expression.Lambda<Func<object, object?[], object>>(body, grain, args).Compile();
    }

    private static Func<object, Task<object?>> BuildAwaiter(ReturnKind kind, Type? resultType) => kind switch
    {
        ReturnKind.Task => Adapters.AwaitTask,
        ReturnKind.ValueTask => Adapters.AwaitValueTask,
        ReturnKind.TaskOfT => BuildGeneric<Func<object, Task<object?>>>(nameof(Adapters.AwaitTaskOfT), resultType!),
        ReturnKind.ValueTaskOfT => BuildGeneric<Func<object, Task<object?>>>(nameof(Adapters.AwaitValueTaskOfT), resultType!),
        // A streaming method's "result" is the enumerable itself; the caller enumerates it.
        ReturnKind.AsyncEnumerable => value => Task.FromResult<object?>(value),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static Func<Task<object?>, object> BuildReturnConverter(ReturnKind kind, Type? resultType) => kind switch
    {
        ReturnKind.Task => task => task,
        ReturnKind.ValueTask => task => new ValueTask(task),
        ReturnKind.TaskOfT => BuildGeneric<Func<Task<object?>, object>>(nameof(Adapters.ToTaskOfT), resultType!),
        ReturnKind.ValueTaskOfT => BuildGeneric<Func<Task<object?>, object>>(nameof(Adapters.ToValueTaskOfT), resultType!),
        ReturnKind.AsyncEnumerable => _ => throw new InvalidOperationException("Streaming methods are converted by ToAsyncEnumerable."),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static TDelegate BuildGeneric<TDelegate>(string name, Type argument) where TDelegate : Delegate =>
        typeof(Adapters).GetMethod(name, BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)!
            .MakeGenericMethod(argument)
            .CreateDelegate<TDelegate>();

    private static class Adapters
    {
        public static async Task<object?> AwaitTask(object value)
        {
            await (Task)value;
            return null;
        }

        public static async Task<object?> AwaitValueTask(object value)
        {
            await (ValueTask)value;
            return null;
        }

        public static async Task<object?> AwaitTaskOfT<T>(object value) => await (Task<T>)value;

        public static async Task<object?> AwaitValueTaskOfT<T>(object value) => await (ValueTask<T>)value;

        public static object ToTaskOfT<T>(Task<object?> task) => Cast<T>(task);

        public static object ToValueTaskOfT<T>(Task<object?> task) => new ValueTask<T>(Cast<T>(task));

        public static async IAsyncEnumerable<object?> EnumerateObjects<T>(object value)
        {
            await foreach (var item in (IAsyncEnumerable<T>)value)
            {
                yield return item;
            }
        }

        public static object CastEnumerable<T>(IAsyncEnumerable<object?> source) => CastItems<T>(source);

        private static async IAsyncEnumerable<T> CastItems<T>(IAsyncEnumerable<object?> source)
        {
            await foreach (var item in source)
            {
                yield return (T)item!;
            }
        }

        private static async Task<T> Cast<T>(Task<object?> task) => (T)(await task)!;
    }
}
