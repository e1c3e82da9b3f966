using Actors.TestSupport;

namespace Actors.Silo.Tests.Commands;

[Trait("Category", "Unit")]
public sealed class CommandLineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Help_DocumentsEveryServerOption()
    {
        var (exitCode, stdout, _) = await ActorsBinary.RunAsync(Timeout, "server", "--help");
        Assert.Equal(0, exitCode);
        foreach (var option in new[] { "--db", "--data-dir", "--silo-port", "--api-port", "--role", "--node", "--cluster-id", "--advertise-address", "--cluster-secret-file", "--secrets-key-file" })
        {
            Assert.Contains(option, stdout);
        }
    }

    [Fact]
    public async Task BadOptions_ExitWithTwo_AndNameEachOne()
    {
        var (exitCode, _, stderr) = await ActorsBinary.RunAsync(Timeout, "server", "--api-port", "0", "--role", "boss");
        Assert.Equal(2, exitCode);
        Assert.Contains("--api-port", stderr);
        Assert.Contains("--role", stderr);
    }

    [Fact]
    public async Task MissingSecretsKeyFile_ExitsWithTwo_AndNamesTheOption()
    {
        var (exitCode, _, stderr) = await ActorsBinary.RunAsync(Timeout, "server", "--secrets-key-file", "/nonexistent/secrets.key");
        Assert.Equal(2, exitCode);
        Assert.Contains("--secrets-key-file: '/nonexistent/secrets.key' does not exist", stderr);
    }

    [Fact]
    public async Task UnknownOption_IsRejected()
    {
        var (exitCode, _, stderr) = await ActorsBinary.RunAsync(Timeout, "server", "--no-such-flag");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("--no-such-flag", stderr);
    }
}
