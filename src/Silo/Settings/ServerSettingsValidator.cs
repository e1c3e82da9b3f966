using System.Net;
using System.Text.RegularExpressions;
using Actors.NodeAgent.Runtime.Docker;

namespace Actors.Silo.Settings;

/// <summary>Checks every option at once, so an operator sees all that is wrong in one start.</summary>
public static partial class ServerSettingsValidator
{
    public static IReadOnlyList<string> Validate(ServerSettings settings)
    {
        var errors = new List<string>();
        if (settings.Database is { } db)
        {
            if (string.IsNullOrWhiteSpace(db))
            {
                errors.Add("--db: the PostgreSQL connection string is empty.");
            }
            else
            {
                try
                {
                    Actors.Storage.PostgresConnectionString.Normalize(db);
                }
                catch (Exception exception) when (exception is ArgumentException or UriFormatException or FormatException or KeyNotFoundException)
                {
                    errors.Add($"--db: not a PostgreSQL connection string ({exception.Message}).");
                }
            }
        }
        if (string.IsNullOrWhiteSpace(settings.DataDirectory))
        {
            errors.Add("--data-dir: must not be empty.");
        }
        else if (File.Exists(settings.DataDirectory))
        {
            errors.Add($"--data-dir: '{settings.DataDirectory}' is a file, not a directory.");
        }
        CheckPort(errors, "--silo-port", settings.SiloPort);
        CheckPort(errors, "--api-port", settings.ApiPort);
        if (settings.SiloPort == settings.ApiPort && settings.SiloPort != 0)
        {
            errors.Add($"--silo-port and --api-port: both are {settings.SiloPort}; they must differ.");
        }
        if (settings.SandboxPoolSize is < 0 or > DockerRuntimeOptions.MaxSandboxPoolSize)
        {
            errors.Add($"--sandbox-pool-size: {settings.SandboxPoolSize} is out of range (0 turns the pool off, at most {DockerRuntimeOptions.MaxSandboxPoolSize}).");
        }
        if (!Roles.All.Contains(settings.Role))
        {
            errors.Add($"--role: '{settings.Role}' is not one of {string.Join(", ", Roles.All)}.");
        }
        if (!NodeNamePattern().IsMatch(settings.NodeName) || settings.NodeName.Length > 253)
        {
            errors.Add($"--node: '{settings.NodeName}' is not a valid node name (lower-case DNS subdomain: a-z, 0-9, '-' and '.').");
        }
        if (!ClusterIdPattern().IsMatch(settings.ClusterId))
        {
            errors.Add($"--cluster-id: '{settings.ClusterId}' may contain only letters, digits, '-' and '_' (1-64 characters).");
        }
        if (!IPAddress.TryParse(settings.AdvertiseAddress, out _))
        {
            errors.Add($"--advertise-address: '{settings.AdvertiseAddress}' is not an IP address.");
        }
        if (settings.TokenAuthFile is { } tokenFile && !File.Exists(tokenFile))
        {
            errors.Add($"--token-auth-file: '{tokenFile}' does not exist.");
        }
        if (settings.ClusterSecretFile is { } secretFile && !File.Exists(secretFile))
        {
            errors.Add($"--cluster-secret-file: '{secretFile}' does not exist.");
        }
        if (SecretsKeyFile.Problem(settings) is { } secretsKeyProblem)
        {
            errors.Add(secretsKeyProblem);
        }
        if (settings.Database is null && settings.Role == Roles.Worker)
        {
            errors.Add("--role worker needs --db: a worker joins a cluster whose state is in PostgreSQL.");
        }
        return errors;
    }

    private static void CheckPort(List<string> errors, string option, int port)
    {
        if (port is < 1 or > 65535)
        {
            errors.Add($"{option}: {port} is not a TCP port (1-65535).");
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex NodeNamePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ClusterIdPattern();
}
