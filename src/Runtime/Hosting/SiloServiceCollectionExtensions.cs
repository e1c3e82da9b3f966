using Actors.Runtime.Activation;
using Actors.Runtime.Invocation;
using Actors.Runtime.Management;
using Actors.Runtime.Reminders;
using Actors.Runtime.Statistics;
using Actors.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Hosting;

public static class SiloServiceCollectionExtensions
{
    /// <summary>Adds a silo to the host (Orleans' UseOrleans): it starts and stops with the host.</summary>
    public static IServiceCollection AddSilo(this IServiceCollection services, Action<SiloBuilder> configure)
    {
        var builder = new SiloBuilder();
        configure(builder);
        var errors = builder.Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid silo options: " + string.Join(" ", errors));
        }

        services.AddSingleton(builder.Options);
        services.AddSingleton(builder.Options.Reminders);
        services.TryAddTimeProvider();
        services.AddSingleton(_ => new GrainManifest(builder.GrainClasses));
        services.AddSingleton(sp => new RuntimeMeter(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton(sp => new GrainCallStatistics(sp.GetRequiredService<RuntimeMeter>()));
        services.AddSingleton(sp => new Catalog(sp.GetRequiredService<GrainManifest>(), sp.GetRequiredService<ILogger<Catalog>>()));
        services.AddSingleton<IGrainStorage>(sp => builder.StorageFactory?.Invoke(sp) ?? new InMemoryGrainStorage());
        services.AddSingleton<IReminderTable>(sp => builder.ReminderTableFactory?.Invoke(sp) ?? new InMemoryReminderTable());
        services.AddSingleton(sp => new ReminderService(
            sp.GetRequiredService<IReminderTable>(),
            sp.GetRequiredService<ReminderOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ReminderService>>()));
        services.AddSingleton(sp => new Silo(
            sp.GetRequiredService<SiloOptions>(),
            sp.GetRequiredService<GrainManifest>(),
            sp.GetRequiredService<Catalog>(),
            sp.GetRequiredService<ReminderService>(),
            sp.GetRequiredService<IGrainStorage>(),
            sp.GetRequiredService<GrainCallStatistics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp,
            sp.GetRequiredService<ILoggerFactory>(),
            builder.ClusterStoresFactory?.Invoke(sp)));
        services.AddSingleton(sp => sp.GetRequiredService<Silo>().GrainFactory);
        services.AddSingleton<IManagementService>(sp => sp.GetRequiredService<Silo>().Management);
        services.AddHostedService(sp => sp.GetRequiredService<Silo>());
        services.AddLogging();
        return services;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
