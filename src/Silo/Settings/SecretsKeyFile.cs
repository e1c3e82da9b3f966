using Actors.Grains.Store;

namespace Actors.Silo.Settings;

/// <summary>
/// The key Secrets are encrypted with at rest. Read from the configured file, or from <c>secrets.key</c> in the
/// data directory, created on first start (mode 0600). The database holds only ciphertext, so a silo started
/// with another key cannot read the Secrets: copy the file to every silo of a multi-silo cluster, and keep it.
/// </summary>
public static class SecretsKeyFile
{
    public const string DefaultFileName = "secrets.key";

    public static string PathOf(ServerSettings settings) =>
        settings.SecretsKeyFile ?? Path.Combine(settings.DataDirectory, DefaultFileName);

    /// <summary>
    /// What is wrong with the key file, or null: a configured file must exist and hold a key; the default one
    /// may be missing (it is created) but, when present, must hold a key too.
    /// </summary>
    public static string? Problem(ServerSettings settings)
    {
        var path = PathOf(settings);
        if (!File.Exists(path))
        {
            return settings.SecretsKeyFile is null ? null : $"--secrets-key-file: '{path}' does not exist.";
        }
        try
        {
            SecretsKey.Parse(File.ReadAllText(path));
            return null;
        }
        catch (FormatException exception)
        {
            return $"--secrets-key-file: '{path}' does not hold a secrets key: {exception.Message}.";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"--secrets-key-file: '{path}' cannot be read ({exception.Message}).";
        }
    }

    /// <summary>Reads the key; when the default file is missing, creates it with a new random key.</summary>
    public static SecretsKey LoadOrCreate(ServerSettings settings)
    {
        var path = PathOf(settings);
        if (!File.Exists(path) && settings.SecretsKeyFile is null)
        {
            var created = SecretsKey.NewKeyText();
            using var stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
            using var writer = new StreamWriter(stream);
            writer.Write(created);
            return SecretsKey.Parse(created);
        }
        return SecretsKey.Parse(File.ReadAllText(path));
    }
}
