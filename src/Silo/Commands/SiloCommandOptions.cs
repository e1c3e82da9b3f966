using System.CommandLine;
using Actors.Silo.Settings;

namespace Actors.Silo.Commands;

/// <summary>
/// The options shared by <c>server</c>, <c>up</c> and <c>agent</c>. Each has an environment variable of the
/// same name (<c>--api-port</c> ↔ <c>ACTORS_API_PORT</c>); a flag on the command line wins.
/// </summary>
internal sealed class SiloCommandOptions
{
    public Option<string?> Database { get; } = new("--db")
    {
        Description = "PostgreSQL connection string (Host=…;Database=… or postgres://…). Absent: SQLite in the data directory (one silo). [ACTORS_DB]",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ACTORS_DB"),
    };

    public Option<string> DataDirectory { get; } = new("--data-dir")
    {
        Description = "Where state, certificates and tokens live. [ACTORS_DATA_DIR]",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ACTORS_DATA_DIR") ?? DefaultDataDirectory(),
    };

    public Option<int> SiloPort { get; } = new("--silo-port")
    {
        Description = "TCP port for silo-to-silo traffic. [ACTORS_SILO_PORT]",
        DefaultValueFactory = _ => EnvironmentInt("ACTORS_SILO_PORT", 11111),
    };

    public Option<int> ApiPort { get; } = new("--api-port")
    {
        Description = "HTTPS port of the Kubernetes API and dashboard. [ACTORS_API_PORT]",
        DefaultValueFactory = _ => EnvironmentInt("ACTORS_API_PORT", 6443),
    };

    public Option<string> Role { get; } = new("--role")
    {
        Description = $"Silo role: {Roles.ControlPlane} (API and resource grains) or {Roles.Worker} (only its node agent). [ACTORS_ROLE]",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ACTORS_ROLE") ?? Roles.ControlPlane,
    };

    public Option<string> Node { get; } = new("--node")
    {
        Description = "Node name of this machine; also the silo's name. [ACTORS_NODE]",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ACTORS_NODE") ?? DefaultNodeName(),
    };

    public Option<string> ClusterId { get; } = new("--cluster-id")
    {
        Description = "Name of the cluster; silos join only silos with the same id. [ACTORS_CLUSTER_ID]",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ACTORS_CLUSTER_ID") ?? "actors",
    };

    public Option<string> AdvertiseAddress { get; } = new("--advertise-address")
    {
        Description = "IP address other silos reach this one at. [ACTORS_ADVERTISE_ADDRESS]",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ACTORS_ADVERTISE_ADDRESS") ?? "127.0.0.1",
    };

    public Option<string?> TokenAuthFile { get; } = new("--token-auth-file")
    {
        Description = "Extra API users, Kubernetes' static token file format: token,user,uid,\"group1,group2\" per line (group actors:readonly may only read). [ACTORS_TOKEN_AUTH_FILE]",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ACTORS_TOKEN_AUTH_FILE"),
    };

    public Option<string?> ClusterSecretFile { get; } = new("--cluster-secret-file")
    {
        Description = "File with the secret every silo of the cluster shares. Default: cluster.secret in the data directory, created on first start. [ACTORS_CLUSTER_SECRET_FILE]",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ACTORS_CLUSTER_SECRET_FILE"),
    };

    public Option<string?> SecretsKeyFile { get; } = new("--secrets-key-file")
    {
        Description = "File with the AES-256 key Secrets are encrypted with at rest (base64 of 32 random bytes). Default: secrets.key in the data directory, created on first start. Every silo of a multi-silo cluster must use the same key: copy the file to each silo and keep it, Secrets cannot be read without it. [ACTORS_SECRETS_KEY_FILE]",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ACTORS_SECRETS_KEY_FILE"),
    };

    public Option<string> DockerSocket { get; } = new("--docker-socket")
    {
        Description = "The Docker engine's unix socket the node agent drives (up, agent). [ACTORS_DOCKER_SOCKET]",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ACTORS_DOCKER_SOCKET") ?? "/var/run/docker.sock",
    };

    public Option<int> SandboxPoolSize { get; } = new("--sandbox-pool-size")
    {
        Description = "How many started pod sandboxes the node keeps warm, so new pods skip making their network namespace (up, agent); 0 turns the pool off. [ACTORS_SANDBOX_POOL_SIZE]",
        DefaultValueFactory = _ => EnvironmentInt("ACTORS_SANDBOX_POOL_SIZE", ServerSettings.DefaultSandboxPoolSize),
    };

    /// <summary>Adds the options; <c>up</c> and <c>agent</c> fix the role themselves, so only <c>server</c> offers --role.</summary>
    public void AddTo(Command command, bool withRole = true)
    {
        command.Options.Add(Database);
        command.Options.Add(DataDirectory);
        command.Options.Add(SiloPort);
        command.Options.Add(ApiPort);
        if (withRole)
        {
            command.Options.Add(Role);
        }
        command.Options.Add(Node);
        command.Options.Add(ClusterId);
        command.Options.Add(AdvertiseAddress);
        command.Options.Add(ClusterSecretFile);
        command.Options.Add(TokenAuthFile);
        command.Options.Add(SecretsKeyFile);
        command.Options.Add(DockerSocket);
        command.Options.Add(SandboxPoolSize);
    }

    public ServerSettings Bind(ParseResult result) => new()
    {
        Database = result.GetValue(Database),
        DataDirectory = Path.GetFullPath(ExpandHome(result.GetValue(DataDirectory)!)),
        SiloPort = result.GetValue(SiloPort),
        ApiPort = result.GetValue(ApiPort),
        Role = result.GetValue(Role)!,
        NodeName = result.GetValue(Node)!,
        ClusterId = result.GetValue(ClusterId)!,
        AdvertiseAddress = result.GetValue(AdvertiseAddress)!,
        ClusterSecretFile = result.GetValue(ClusterSecretFile),
        TokenAuthFile = result.GetValue(TokenAuthFile),
        SecretsKeyFile = result.GetValue(SecretsKeyFile),
        DockerSocket = result.GetValue(DockerSocket)!,
        SandboxPoolSize = result.GetValue(SandboxPoolSize),
    };

    private static string DefaultDataDirectory() => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".actors");

    private static string ExpandHome(string path) =>
        path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
            : path;

    private static string DefaultNodeName() => Environment.MachineName.ToLowerInvariant();

    private static int EnvironmentInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;
}
