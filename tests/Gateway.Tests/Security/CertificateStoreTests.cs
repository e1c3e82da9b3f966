using System.Net;
using System.Security.Cryptography.X509Certificates;
using Actors.Gateway.Security;
using Actors.TestSupport;

namespace Actors.Gateway.Tests.Security;

[Trait("Category", "Unit")]
public sealed class CertificateStoreTests
{
    private static readonly SubjectAlternativeNames Names =
        SubjectAlternativeNames.For("node-a", ["api.example.test"], [IPAddress.Parse("10.1.2.3")]);

    [Fact]
    public void Ensure_FirstStart_WritesPemFilesWithPrivateKeys()
    {
        using var dir = new TempDirectory();

        var certs = new CertificateStore(TimeProvider.System).Ensure(dir.Path, Names);

        Assert.True(certs.Regenerated);
        foreach (var file in new[] { "ca.crt", "ca.key", "apiserver.crt", "apiserver.key" })
        {
            Assert.True(File.Exists(Path.Combine(dir.Path, file)), file);
        }

        Assert.StartsWith("-----BEGIN CERTIFICATE-----", certs.CaPem, StringComparison.Ordinal);
        Assert.True(certs.Serving.HasPrivateKey);
        Assert.InRange(certs.Ca.NotAfter - DateTime.Now, TimeSpan.FromDays(3640), TimeSpan.FromDays(3660));
        Assert.InRange(certs.Serving.NotAfter - DateTime.Now, TimeSpan.FromDays(360), TimeSpan.FromDays(370));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dir.Path, "ca.key")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dir.Path, "apiserver.key")));
        }
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("node-a")]
    [InlineData("api.example.test")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.1.2.3")]
    public void Ensure_ServingCertificate_IsValidForEachSanAndChainsToCa(string host)
    {
        using var dir = new TempDirectory();
        var certs = new CertificateStore(TimeProvider.System).Ensure(dir.Path, Names);

        Assert.True(certs.Serving.MatchesHostname(host), host);
        Assert.False(certs.Serving.MatchesHostname("other.example.test"));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(X509Certificate2.CreateFromPem(certs.CaPem));
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(certs.Serving), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
    }

    [Fact]
    public void Ensure_SecondCall_ReusesFiles()
    {
        using var dir = new TempDirectory();
        var store = new CertificateStore(TimeProvider.System);
        var first = store.Ensure(dir.Path, Names);

        var second = store.Ensure(dir.Path, Names);

        Assert.False(second.Regenerated);
        Assert.Equal(first.Ca.Thumbprint, second.Ca.Thumbprint);
        Assert.Equal(first.Serving.Thumbprint, second.Serving.Thumbprint);
        Assert.True(second.Serving.HasPrivateKey);
    }

    [Fact]
    public void Ensure_SanSetChanged_RegeneratesServingButKeepsCa()
    {
        using var dir = new TempDirectory();
        var store = new CertificateStore(TimeProvider.System);
        var first = store.Ensure(dir.Path, Names);

        var second = store.Ensure(dir.Path, SubjectAlternativeNames.For("node-a", ["other.example.test"]));

        Assert.True(second.Regenerated);
        Assert.Equal(first.Ca.Thumbprint, second.Ca.Thumbprint);
        Assert.NotEqual(first.Serving.Thumbprint, second.Serving.Thumbprint);
        Assert.True(second.Serving.MatchesHostname("other.example.test"));
    }

    [Fact]
    public void Ensure_NearExpiry_Regenerates()
    {
        using var dir = new TempDirectory();
        var first = new CertificateStore(TimeProvider.System).Ensure(dir.Path, Names);

        var later = new FixedTime(DateTimeOffset.UtcNow.AddDays(340));
        var second = new CertificateStore(later).Ensure(dir.Path, Names);

        Assert.True(second.Regenerated);
        Assert.NotEqual(first.Serving.Thumbprint, second.Serving.Thumbprint);
    }

    [Fact]
    public void ForThisHost_IncludesLoopbacksAndHostName()
    {
        var names = SubjectAlternativeNames.ForThisHost(["extra.test"]);

        Assert.Equal(new[] { "localhost", Dns.GetHostName(), "extra.test" }.Distinct(StringComparer.OrdinalIgnoreCase), names.DnsNames);
        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], names.IpAddresses);
    }

    public static TheoryData<string, int, string[], string[], bool> PolicyCases => new()
    {
        { "fresh and same names", 365, ["localhost", "node-a"], ["127.0.0.1", "::1"], false },
        { "case-insensitive DNS", 365, ["LOCALHOST", "Node-A"], ["127.0.0.1", "::1"], false },
        { "expires in 29 days", 29, ["localhost", "node-a"], ["127.0.0.1", "::1"], true },
        { "missing host name", 365, ["localhost"], ["127.0.0.1", "::1"], true },
        { "extra IP", 365, ["localhost", "node-a"], ["127.0.0.1", "::1", "10.0.0.1"], true },
    };

    [Theory]
    [MemberData(nameof(PolicyCases))]
    public void Policy_RegenerationDecision(string name, int daysLeft, string[] dns, string[] ips, bool regenerate)
    {
        var now = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        var reason = CertificatePolicy.RegenerationReason(now.AddDays(daysLeft), dns, ips.Select(IPAddress.Parse), SubjectAlternativeNames.For("node-a"), now);

        Assert.True(regenerate == (reason is not null), $"{name}: {reason}");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
