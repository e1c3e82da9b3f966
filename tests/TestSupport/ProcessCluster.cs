using System.Reflection;
using System.Security.Cryptography;
using Actors.Placement;
using Actors.Runtime.Hosting;
using Actors.Runtime.Membership;
using Actors.Runtime.Sql;
using Actors.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.TestSupport;

/// <summary>
/// Real <c>actors server</c> processes on loopback against one PostgreSQL database, plus an in-process
/// client silo (role "client", which placement never picks) that the test calls grains through.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    private const string SecretsKeyFileName = "secrets.key";

    private readonly TestPostgres _postgres;
    private readonly TempDirectory _directory;
    private readonly Database _database;
    private readonly Dictionary<string, string> _environment;
    private readonly IReadOnlyList<Assembly> _grainAssemblies;
    private IHost? _client;

    private ProcessCluster(TestPostgres postgres, TempDirectory directory, Database database, SqlStores stores, string secretFile,
        IReadOnlyList<Assembly> grainAssemblies, bool loadIntoServers)
    {
        _grainAssemblies = grainAssemblies;

        _postgres = postgres;
        _directory = directory;
        _database = database;
        Stores = stores;
        SecretFile = secretFile;
        _environment = new Dictionary<string, string>
        {
            ["ACTORS_MEMBERSHIP_PROFILE"] = "test",
            ["ACTORS_SECRETS_KEY_FILE"] = Path.Combine(directory.Path, SecretsKeyFileName),
        };
        if (loadIntoServers)
        {
            _environment["ACTORS_GRAIN_ASSEMBLIES"] = string.Join(';', grainAssemblies.Select(a => a.Location));
        }
    }

    public List<ActorsServerProcess> Silos { get; } = [];

    public SqlStores Stores { get; }

    public string SecretFile { get; }

    public IGrainFactory Client => _client!.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider ClientServices => _client!.Services;

    /// <summary>The cluster's database, for tests that read it directly.</summary>
    public Database Database => _database;

    /// <summary>
    /// Starts the silos. <paramref name="grainAssemblies"/> are known to the client and, unless the servers
    /// already host them (the product's own grains), loaded into the servers too.
    /// </summary>
    public static async Task<ProcessCluster> StartAsync(int silos, IReadOnlyList<Assembly> grainAssemblies, bool loadIntoServers = true)
    {
        var postgres = await TestPostgres.CreateAsync();
        var directory = new TempDirectory();
        var secretFile = Path.Combine(directory.Path, "cluster.secret");
        await File.WriteAllTextAsync(secretFile, "test-cluster-secret-" + Guid.NewGuid().ToString("N"));
        // Every silo and agent seals and opens Secrets with this one key, as a real cluster must.
        await File.WriteAllTextAsync(Path.Combine(directory.Path, SecretsKeyFileName), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var database = Database.ForPostgres(postgres.ConnectionString);
        var stores = await SqlStores.CreateAsync(database, "actors", CancellationToken.None);
        var cluster = new ProcessCluster(postgres, directory, database, stores, secretFile, grainAssemblies, loadIntoServers);
        for (var i = 0; i < silos; i++)
        {
            await cluster.AddSiloAsync();
        }
        await cluster.StartClientAsync();
        return cluster;
    }

    public async Task<ActorsServerProcess> AddSiloAsync()
    {
        var silo = await StartSiloAsync("silo-" + (Silos.Count + 1), FreePort.Next());
        Silos.Add(silo);
        return silo;
    }

    /// <summary>The `actors agent` processes: worker silos that each run one node's agent on the local Docker engine.</summary>
    public List<ActorsServerProcess> Agents { get; } = [];

    /// <summary>Starts `actors agent --node <paramref name="node"/>` joining this cluster (again, after it was stopped).</summary>
    public async Task<ActorsServerProcess> StartAgentAsync(string node)
    {
        var dataDirectory = Path.Combine(_directory.Path, node);
        System.IO.Directory.CreateDirectory(dataDirectory);
        var agent = await ActorsServerProcess.StartCommandAsync("agent", node, dataDirectory, _environment, FreePort.Next(),
            "--db", _postgres.ConnectionString, "--cluster-secret-file", SecretFile);
        Agents.Add(agent);
        return agent;
    }

    /// <summary>Starts a new process on the same silo port (a new generation of the same endpoint).</summary>
    public async Task<ActorsServerProcess> RestartSiloAsync(int index)
    {
        var old = Silos[index];
        old.Kill();
        var silo = await StartSiloAsync(old.Name, old.SiloPort);
        Silos[index] = silo;
        return silo;
    }

    private Task<ActorsServerProcess> StartSiloAsync(string name, int siloPort)
    {
        var dataDirectory = Path.Combine(_directory.Path, name);
        System.IO.Directory.CreateDirectory(dataDirectory);
        return ActorsServerProcess.StartAsync(name, dataDirectory, _environment, siloPort,
            "--db", _postgres.ConnectionString, "--cluster-secret-file", SecretFile);
    }

    private async Task StartClientAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var secret = (await File.ReadAllTextAsync(SecretFile)).Trim();
        builder.Services.AddSilo(silo =>
        {
            foreach (var assembly in _grainAssemblies)
            {
                silo.AddGrains(assembly);
            }
            silo.Options.Role = PlacementDecision.ClientRole;
            silo.Options.SiloName = "test-client";
            silo.Options.SiloPort = FreePort.Next();
            silo.Options.ClusterSecret = secret;
            silo.Options.Membership = MembershipOptions.TestProfile();
            silo.Options.ResponseTimeout = TimeSpan.FromSeconds(10);
            silo.UseGrainStorage(_ => Stores.GrainStorage);
            silo.UseReminderTable(_ => Stores.ReminderTable);
            silo.UseCluster(_ => new ClusterStores(Stores.MembershipTable, Stores.GrainDirectory));
        });
        _client = builder.Build();
        await _client.StartAsync();
    }

    public async Task<MembershipSnapshot> ReadMembershipAsync()
    {
        var data = await Stores.MembershipTable.ReadAllAsync(CancellationToken.None);
        return new MembershipSnapshot(data.Version.Version, data.Members.Select(m => m.Entry).ToArray());
    }

    public string Describe() => string.Join("\n---\n", Silos.Concat(Agents).Select(s => $"{s.Name} (exited: {s.HasExited}):\n{s.Output}"));

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }
        foreach (var silo in Silos.Concat(Agents))
        {
            await silo.DisposeAsync();
        }
        await _database.DisposeAsync();
        await _postgres.DisposeAsync();
        _directory.Dispose();
    }
}
