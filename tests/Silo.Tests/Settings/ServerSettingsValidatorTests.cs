using Actors.Silo.Settings;

namespace Actors.Silo.Tests.Settings;

[Trait("Category", "Unit")]
public sealed class ServerSettingsValidatorTests
{
    private static readonly ServerSettings Valid = new() { DataDirectory = "/tmp/actors-valid", NodeName = "node-1" };

    public static TheoryData<string, ServerSettings, string> BadSettings => new()
    {
        { "api port zero", Valid with { ApiPort = 0 }, "--api-port" },
        { "silo port too large", Valid with { SiloPort = 70000 }, "--silo-port" },
        { "same ports", Valid with { SiloPort = 7000, ApiPort = 7000 }, "must differ" },
        { "unknown role", Valid with { Role = "boss" }, "--role" },
        { "upper-case node", Valid with { NodeName = "Node1" }, "--node" },
        { "underscore node", Valid with { NodeName = "node_1" }, "--node" },
        { "bad cluster id", Valid with { ClusterId = "a b" }, "--cluster-id" },
        { "bad address", Valid with { AdvertiseAddress = "localhost:1" }, "--advertise-address" },
        { "empty db", Valid with { Database = " " }, "--db" },
        { "bad db", Valid with { Database = "Host=x;Bogus Key=1" }, "--db" },
        { "worker without db", Valid with { Role = Roles.Worker }, "needs --db" },
        { "missing secret file", Valid with { ClusterSecretFile = "/nonexistent/secret" }, "--cluster-secret-file" },
        { "missing token file", Valid with { TokenAuthFile = "/nonexistent/tokens.csv" }, "--token-auth-file" },
        { "negative sandbox pool", Valid with { SandboxPoolSize = -1 }, "--sandbox-pool-size: -1 is out of range" },
        { "sandbox pool too large", Valid with { SandboxPoolSize = 33 }, "--sandbox-pool-size: 33 is out of range" },
        { "missing secrets key file", Valid with { SecretsKeyFile = "/nonexistent/secrets.key" }, "--secrets-key-file: '/nonexistent/secrets.key' does not exist" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Validate_NamesTheBadOption(string scenario, ServerSettings settings, string expected)
    {
        var errors = ServerSettingsValidator.Validate(settings);
        Assert.True(errors.Count == 1, $"{scenario}: expected one error, got: {string.Join(" | ", errors)}");
        Assert.Contains(expected, errors[0]);
    }

    [Fact]
    public void Validate_AcceptsDefaultsAndPostgresForms()
    {
        Assert.Empty(ServerSettingsValidator.Validate(Valid));
        Assert.Empty(ServerSettingsValidator.Validate(Valid with { Database = "Host=127.0.0.1;Port=5432;Username=postgres" }));
        Assert.Empty(ServerSettingsValidator.Validate(Valid with { Database = "postgres://u:p@127.0.0.1:5432/actors", Role = Roles.Worker }));
    }

    [Fact]
    public void Validate_ReportsEveryBadOptionAtOnce()
    {
        var errors = ServerSettingsValidator.Validate(Valid with { ApiPort = -1, Role = "x", NodeName = "_" });
        Assert.Equal(3, errors.Count);
    }
}
