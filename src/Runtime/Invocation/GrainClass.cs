using Actors.Concurrency;
using Actors.Placement;
using System.Reflection;

namespace Actors.Runtime.Invocation;

/// <summary>What the runtime knows about one grain implementation class.</summary>
internal sealed class GrainClass
{
    public GrainClass(Type type)
    {
        Type = type;
        GrainType = type.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? ConventionalName(type);
        IsReentrant = type.GetCustomAttribute<ReentrantAttribute>() is not null;
        IsKeepAlive = type.GetCustomAttribute<KeepAliveAttribute>() is not null;
        CollectionAge = type.GetCustomAttribute<CollectionAgeLimitAttribute>()?.Amount;
        RequiredRole = type.GetCustomAttribute<SiloRolePlacementAttribute>()?.Role;
        IsPinnedToSiloName = type.GetCustomAttribute<PinnedToSiloNamePlacementAttribute>() is not null;
    }

    public Type Type { get; }

    public string GrainType { get; }

    public bool IsReentrant { get; }

    public bool IsKeepAlive { get; }

    public TimeSpan? CollectionAge { get; }

    public string? RequiredRole { get; }

    public bool IsPinnedToSiloName { get; }

    /// <summary>Orleans' convention: lower-cased class name without generic arity and trailing "Grain".</summary>
    public static string ConventionalName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`');
        if (tick >= 0)
        {
            name = name[..tick];
        }
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }
        return name.ToLowerInvariant();
    }
}
