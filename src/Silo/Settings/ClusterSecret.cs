using System.Security.Cryptography;

namespace Actors.Silo.Settings;

/// <summary>
/// The secret silos prove to each other on every connection. Read from the configured file, or created in
/// the data directory on first start (mode 0600) — copy that file to every silo of a multi-silo cluster.
/// </summary>
public static class ClusterSecret
{
    public const string DefaultFileName = "cluster.secret";

    public static string LoadOrCreate(ServerSettings settings)
    {
        var path = settings.ClusterSecretFile ?? Path.Combine(settings.DataDirectory, DefaultFileName);
        if (File.Exists(path))
        {
            var secret = File.ReadAllText(path).Trim();
            if (secret.Length < 16)
            {
                throw new InvalidOperationException($"The cluster secret in {path} is shorter than 16 characters.");
            }
            return secret;
        }
        if (settings.ClusterSecretFile is not null)
        {
            throw new FileNotFoundException($"The cluster secret file {path} does not exist.", path);
        }
        var created = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        using (var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(created);
        }
        return created;
    }
}
