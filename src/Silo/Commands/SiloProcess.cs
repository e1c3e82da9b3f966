using System.Net;
using Actors.Gateway.Dashboard;
using Actors.Gateway.Health;
using Actors.Gateway.Hosting;
using Actors.Gateway.Metrics;
using Actors.Grains;
using Actors.Grains.Boot;
using Actors.Grains.Controllers.Nodes;
using Actors.Grains.Store;
using Actors.NodeAgent.Agent;
using Actors.NodeAgent.Docker;
using Actors.NodeAgent.Runtime;
using Actors.NodeAgent.Runtime.Docker;
using Actors.NodeAgent.Services;
using Actors.Runtime.Hosting;
using Actors.Runtime.Sql;
using Actors.Silo.Settings;
using Actors.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Actors.Silo.Commands;

/// <summary>Composes the process for a role: runtime and storage now; grains, gateway and node agent as they land.</summary>
internal static class SiloProcess
{
    public const string SqliteFileName = "actors.db";

    /// <summary>The admin kubeconfig written into the data directory at start (mode 0600), as k3s writes its own.</summary>
    public const string KubeconfigFileName = "kubeconfig";

    public static async Task<int> RunAsync(ServerSettings settings, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.DataDirectory);
        var secret = ClusterSecret.LoadOrCreate(settings);
        await using var database = settings.Database is { } connectionString
            ? Database.ForPostgres(connectionString)
            : Database.ForSqliteFile(Path.Combine(settings.DataDirectory, SqliteFileName));
        var stores = await SqlStores.CreateAsync(database, settings.ClusterId, cancellationToken);
        var objectOptions = new ObjectStoreOptions { SecretsKey = SecretsKeyFile.LoadOrCreate(settings) };
        await using var objects = await ObjectStore.OpenAsync(database, objectOptions, cancellationToken: cancellationToken);

        // Only control-plane silos serve HTTP; a worker is a plain host with no listener but the silo port.
        IHostApplicationBuilder builder = settings.Role == Roles.ControlPlane
            ? WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = settings.DataDirectory })
            : Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = settings.DataDirectory });
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(stores);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddControlPlane(objects, DevelopmentSettings.IsTestProfile ? NodeLifecycleOptions.TestProfile() : new NodeLifecycleOptions());
        var volumes = Path.Combine(settings.DataDirectory, "volumes");
        builder.Services.AddSingleton(DevelopmentSettings.IsTestProfile ? NodeAgentOptions.TestProfile(volumes) : new NodeAgentOptions { VolumeRoot = volumes });
        if (settings.RunsNodeAgent)
        {
            var docker = new DockerClient(settings.DockerSocket);
            builder.Services.AddSingleton<IDockerClient>(docker);
            var runtimeOptions = new DockerRuntimeOptions { SandboxPoolSize = settings.SandboxPoolSize };
            var gateway = await builder.Services.AddNodeServicesAsync(docker, runtimeOptions.Network, settings.NodeName, cancellationToken);
            runtimeOptions = runtimeOptions with { ClusterDns = gateway is null ? [] : [gateway.ToString()] };
            builder.Services.AddSingleton<IContainerRuntime>(new DockerContainerRuntime(docker, settings.NodeName, runtimeOptions));
            builder.Services.AddSingleton(new NodeAgentHost(settings.NodeName, settings.AdvertiseAddress));
        }
        builder.Services.AddSilo(silo =>
        {
            silo.Options.ClusterId = settings.ClusterId;
            silo.Options.ClusterSecret = secret;
            silo.Options.SiloName = settings.NodeName;
            silo.Options.Role = settings.Role;
            silo.Options.AdvertisedAddress = settings.AdvertiseAddress;
            silo.Options.ProxyPort = settings.Role == Roles.ControlPlane ? settings.ApiPort : 0;
            silo.AddGrains(typeof(ControlPlane).Assembly);
            silo.AddGrains(typeof(NodeAgentGrain).Assembly);
            silo.UseGrainStorage(_ => stores.GrainStorage);
            silo.UseReminderTable(_ => stores.ReminderTable);
            if (settings.UsesPostgres)
            {
                silo.Options.SiloPort = settings.SiloPort;
                silo.UseCluster(_ => new ClusterStores(stores.MembershipTable, stores.GrainDirectory));
            }
            DevelopmentSettings.Apply(silo);
        });
        using var app = builder is WebApplicationBuilder web ? BuildControlPlane(web, settings) : ((HostApplicationBuilder)builder).Build();
        await app.StartAsync(cancellationToken);
        if (settings.Role == Roles.ControlPlane)
        {
            await BootObjects.EnsureAsync(app.Services.GetRequiredService<IGrainFactory>(), settings.ApiPort);
            var kubeconfig = Path.Combine(settings.DataDirectory, KubeconfigFileName);
            await File.WriteAllTextAsync(kubeconfig, app.Services.AdminKubeconfig($"https://{settings.AdvertiseAddress}:{settings.ApiPort}"), cancellationToken);
            File.SetUnixFileMode(kubeconfig, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            await Console.Out.WriteLineAsync($"Kubernetes API on https://{settings.AdvertiseAddress}:{settings.ApiPort}; kubectl --kubeconfig {kubeconfig} get nodes");
        }
        if (settings.RunsNodeAgent)
        {
            await NodeRegistration.RegisterAsync(app.Services, settings.NodeName, cancellationToken);
            await Console.Out.WriteLineAsync($"Node {settings.NodeName} runs pods on the Docker engine at {settings.DockerSocket}");
        }
        await app.WaitForShutdownAsync(cancellationToken);
        if (settings.RunsNodeAgent)
        {
            // Warm sandboxes belong to no pod: nothing would adopt them, so they go with the node.
            using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await app.Services.GetRequiredService<IContainerRuntime>().RemoveSandboxPoolAsync(drain.Token);
        }
        return 0;
    }

    private static WebApplication BuildControlPlane(WebApplicationBuilder builder, ServerSettings settings)
    {
        builder.Services.AddKubernetesApi(new GatewayOptions
        {
            DataDirectory = settings.DataDirectory,
            Port = settings.ApiPort,
            ListenAddress = IPAddress.Parse(settings.AdvertiseAddress),
            TokenFilePath = settings.TokenAuthFile,
        });
        builder.Services.AddPrometheusMetrics();
        builder.Services.AddDashboard();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHealthEndpoints();
        app.MapPrometheusMetrics();
        app.MapDashboard();
        app.MapKubernetesApi();
        return app;
    }
}
