using System.Collections.Concurrent;
using System.Reflection;
using Actors.Concurrency;

namespace Actors.Serialization;

/// <summary>Types a local call may share between caller and callee without a copy.</summary>
public static class ImmutableTypes
{
    private static readonly ConcurrentDictionary<Type, bool> Cache = new();

    public static bool IsImmutable(Type type) => Cache.GetOrAdd(type, Compute);

    private static bool Compute(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive
            || underlying.IsEnum
            || underlying == typeof(string)
            || underlying == typeof(decimal)
            || underlying == typeof(DateTime)
            || underlying == typeof(DateTimeOffset)
            || underlying == typeof(TimeSpan)
            || underlying == typeof(Guid)
            || underlying == typeof(GrainId)
            || underlying.GetCustomAttribute<ImmutableAttribute>() is not null;
    }
}
