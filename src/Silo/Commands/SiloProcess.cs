using Actors.Grains;
using Actors.Grains.Boot;
using Actors.Grains.Abstractions.Store;
using Actors.Grains.Scheduling;
using Actors.Grains.Store;
using Actors.Runtime.Hosting;
using Actors.Runtime.Sql;
using Actors.Silo.Settings;
using Actors.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Actors.Silo.Commands;

/// <summary>Composes the process for a role: runtime and storage now; grains, gateway and node agent as they land.</summary>
internal static class SiloProcess
{
    public const string SqliteFileName = "actors.db";

    public static async Task<int> RunAsync(ServerSettings settings, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.DataDirectory);
        var secret = ClusterSecret.LoadOrCreate(settings);
        await using var database = settings.Database is { } connectionString
            ? Database.ForPostgres(connectionString)
            : Database.ForSqliteFile(Path.Combine(settings.DataDirectory, SqliteFileName));
        var stores = await SqlStores.CreateAsync(database, settings.ClusterId, cancellationToken);
        await using var objects = await ObjectStore.OpenAsync(database, cancellationToken: cancellationToken);

        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(stores);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IObjectStore>(objects);
        builder.Services.AddSingleton(new NodeCache(objects, TimeProvider.System));
        builder.Services.AddSilo(silo =>
        {
            silo.Options.ClusterId = settings.ClusterId;
            silo.Options.ClusterSecret = secret;
            silo.Options.SiloName = settings.NodeName;
            silo.Options.Role = settings.Role;
            silo.Options.AdvertisedAddress = settings.AdvertiseAddress;
            silo.Options.ProxyPort = settings.Role == Roles.ControlPlane ? settings.ApiPort : 0;
            silo.AddGrains(typeof(ControlPlane).Assembly);
            silo.UseGrainStorage(_ => stores.GrainStorage);
            silo.UseReminderTable(_ => stores.ReminderTable);
            if (settings.UsesPostgres)
            {
                silo.Options.SiloPort = settings.SiloPort;
                silo.UseCluster(_ => new ClusterStores(stores.MembershipTable, stores.GrainDirectory));
            }
            DevelopmentSettings.Apply(silo);
        });
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        if (settings.Role == Roles.ControlPlane)
        {
            await BootObjects.EnsureAsync(host.Services.GetRequiredService<IGrainFactory>(), settings.ApiPort);
        }
        await host.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
