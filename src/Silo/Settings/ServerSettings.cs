namespace Actors.Silo.Settings;

/// <summary>The options of <c>actors server</c>, <c>up</c> and <c>agent</c>, after parsing and before validation.</summary>
public sealed record ServerSettings
{
    /// <summary>PostgreSQL connection string (Npgsql form or postgres:// URI); null means SQLite in the data dir.</summary>
    public string? Database { get; init; }

    public required string DataDirectory { get; init; }

    public int SiloPort { get; init; } = 11111;

    public int ApiPort { get; init; } = 6443;

    public string Role { get; init; } = Roles.ControlPlane;

    public required string NodeName { get; init; }

    public string ClusterId { get; init; } = "actors";

    public string AdvertiseAddress { get; init; } = "127.0.0.1";

    /// <summary>File holding the shared secret silos authenticate each other with; default <c>cluster.secret</c> in the data dir.</summary>
    public string? ClusterSecretFile { get; init; }

    /// <summary>Extra API users in Kubernetes' static token file format; null: the admin token only.</summary>
    public string? TokenAuthFile { get; init; }

    /// <summary>File holding the key Secrets are encrypted with at rest; default <c>secrets.key</c> in the data dir.</summary>
    public string? SecretsKeyFile { get; init; }

    /// <summary>This process also runs the machine's node agent on the local Docker engine (<c>up</c>, <c>agent</c>).</summary>
    public bool RunsNodeAgent { get; init; }

    /// <summary>The Docker engine's unix socket the node agent drives.</summary>
    public string DockerSocket { get; init; } = "/var/run/docker.sock";

    /// <summary>How many started pod sandboxes the node agent keeps warm for new pods; 0 turns the pool off.</summary>
    public int SandboxPoolSize { get; init; } = DefaultSandboxPoolSize;

    /// <summary>Enough for a burst of a few pods to skip making their sandbox, few enough to cost nothing idle.</summary>
    public const int DefaultSandboxPoolSize = 3;

    public bool UsesPostgres => Database is not null;
}
