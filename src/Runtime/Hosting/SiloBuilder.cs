using System.Reflection;
using Actors.Runtime.Reminders;
using Actors.Storage;

namespace Actors.Runtime.Hosting;

/// <summary>What a silo hosts and where it keeps its state; turned into services by <c>AddSilo</c>.</summary>
public sealed class SiloBuilder
{
    private readonly List<Type> _grainClasses = [];

    public SiloOptions Options { get; } = new();

    internal IReadOnlyList<Type> GrainClasses => _grainClasses;

    internal Func<IServiceProvider, IGrainStorage>? StorageFactory { get; private set; }

    internal Func<IServiceProvider, IReminderTable>? ReminderTableFactory { get; private set; }

    internal Func<IServiceProvider, ClusterStores>? ClusterStoresFactory { get; private set; }

    public SiloBuilder AddGrain<TGrain>() where TGrain : Grain
    {
        _grainClasses.Add(typeof(TGrain));
        return this;
    }

    /// <summary>Every concrete grain class in the assembly.</summary>
    public SiloBuilder AddGrains(Assembly assembly)
    {
        _grainClasses.AddRange(assembly.GetTypes().Where(t => typeof(Grain).IsAssignableFrom(t) && !t.IsAbstract && !t.IsGenericTypeDefinition));
        return this;
    }

    public SiloBuilder UseGrainStorage(Func<IServiceProvider, IGrainStorage> factory)
    {
        StorageFactory = factory;
        return this;
    }

    /// <summary>Joins a multi-silo cluster through these tables (membership, grain directory).</summary>
    public SiloBuilder UseCluster(Func<IServiceProvider, ClusterStores> factory)
    {
        ClusterStoresFactory = factory;
        return this;
    }

    public SiloBuilder UseReminderTable(Func<IServiceProvider, IReminderTable> factory)
    {
        ReminderTableFactory = factory;
        return this;
    }
}
