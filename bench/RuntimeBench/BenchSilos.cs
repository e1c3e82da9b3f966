using System.Net;
using System.Net.Sockets;
using Actors.Placement;
using Actors.Runtime.Hosting;
using Actors.Runtime.Sql;
using Actors.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Bench;

/// <summary>Silos for the benchmark: one alone, or a server and a client silo joined over loopback TCP.</summary>
public static class BenchSilos
{
    public static IHost Single()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSilo(silo => silo.AddGrain<EchoGrain>());
        return builder.Build();
    }

    public static IHost Clustered(SqlStores stores, string role)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSilo(silo =>
        {
            silo.AddGrain<EchoGrain>();
            silo.Options.Role = role;
            silo.Options.SiloName = role;
            silo.Options.SiloPort = FreePort();
            silo.Options.ClusterSecret = "benchmark-cluster-secret";
            silo.Options.Membership = MembershipOptions.TestProfile();
            silo.UseGrainStorage(_ => stores.GrainStorage);
            silo.UseReminderTable(_ => stores.ReminderTable);
            silo.UseCluster(_ => new ClusterStores(stores.MembershipTable, stores.GrainDirectory));
        });
        return builder.Build();
    }

    public static async Task<SqlStores> FreshStoresAsync(Database database)
    {
        var clusterId = "bench-" + Guid.NewGuid().ToString("N")[..8];
        return await SqlStores.CreateAsync(database, clusterId, CancellationToken.None);
    }

    public const string ServerRole = "control-plane";

    public const string ClientRole = PlacementDecision.ClientRole;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
