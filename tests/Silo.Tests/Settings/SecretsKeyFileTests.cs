using Actors.Grains.Store;
using Actors.Silo.Settings;
using Actors.TestSupport;

namespace Actors.Silo.Tests.Settings;

[Trait("Category", "Unit")]
public sealed class SecretsKeyFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private ServerSettings Settings => new() { DataDirectory = _directory.Path, NodeName = "node-1" };

    private string DefaultPath => Path.Combine(_directory.Path, SecretsKeyFile.DefaultFileName);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void The_default_file_is_created_once_with_owner_only_access_and_then_reused()
    {
        Assert.Null(SecretsKeyFile.Problem(Settings));

        var created = SecretsKeyFile.LoadOrCreate(Settings);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DefaultPath));
        Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(DefaultPath)).Length);
        Assert.Equal(created.Name, SecretsKeyFile.LoadOrCreate(Settings).Name);
        Assert.Null(SecretsKeyFile.Problem(Settings));
    }

    [Fact]
    public void A_configured_file_is_read_and_never_created()
    {
        var path = Path.Combine(_directory.Path, "shared.key");
        var configured = Settings with { SecretsKeyFile = path };
        Assert.Throws<FileNotFoundException>(() => SecretsKeyFile.LoadOrCreate(configured));
        Assert.False(File.Exists(path));
        var text = SecretsKey.NewKeyText();
        File.WriteAllText(path, text + "\n");

        Assert.Null(SecretsKeyFile.Problem(configured));
        Assert.Equal(SecretsKey.Parse(text).Name, SecretsKeyFile.LoadOrCreate(configured).Name);
        Assert.False(File.Exists(DefaultPath));
    }

    [Theory]
    [InlineData(true, "not a key", "not base64")]
    [InlineData(true, "c2hvcnQ=", "is 5 bytes")]
    [InlineData(false, "c2hvcnQ=", "is 5 bytes")]
    public void A_malformed_key_file_is_a_start_up_error_naming_the_option(bool configured, string content, string expected)
    {
        var path = configured ? Path.Combine(_directory.Path, "bad.key") : DefaultPath;
        File.WriteAllText(path, content);

        var errors = ServerSettingsValidator.Validate(Settings with { SecretsKeyFile = configured ? path : null });

        var error = Assert.Single(errors);
        Assert.StartsWith($"--secrets-key-file: '{path}' does not hold a secrets key", error);
        Assert.Contains(expected, error);
    }
}
