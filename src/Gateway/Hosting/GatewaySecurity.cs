using Actors.Gateway.Security;

namespace Actors.Gateway.Hosting;

/// <summary>The gateway's certificates, admin token, authenticator and authorizer, created once at startup.</summary>
internal sealed class GatewaySecurity
{
    private GatewaySecurity(ClusterCertificates certificates, string adminToken, TokenAuthenticator authenticator, Authorizer authorizer)
    {
        Certificates = certificates;
        AdminToken = adminToken;
        Authenticator = authenticator;
        Authorizer = authorizer;
    }

    public ClusterCertificates Certificates { get; }

    public string AdminToken { get; }

    public TokenAuthenticator Authenticator { get; }

    public Authorizer Authorizer { get; }

    /// <exception cref="InvalidOperationException">The data directory is unset or the token file is malformed.</exception>
    public static GatewaySecurity Create(GatewayOptions options, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            throw new InvalidOperationException("GatewayOptions.DataDirectory must name the directory for the cluster certificates and tokens.");
        }
        Directory.CreateDirectory(options.DataDirectory);
        var names = SubjectAlternativeNames.ForThisHost(options.ExtraDnsNames, options.ExtraIpAddresses);
        var certificates = new CertificateStore(time).Ensure(options.DataDirectory, names);
        var adminToken = Security.AdminToken.Ensure(options.DataDirectory);
        IReadOnlyList<TokenEntry> entries = [];
        if (options.TokenFilePath is { Length: > 0 } path)
        {
            var parsed = TokenFile.Parse(File.ReadAllText(path));
            if (parsed.Errors.Count > 0)
            {
                throw new InvalidOperationException($"token file {path}: {string.Join("; ", parsed.Errors)}");
            }
            entries = parsed.Entries;
        }
        return new GatewaySecurity(certificates, adminToken, TokenAuthenticator.Create(adminToken, entries), new Authorizer(options.ReadOnlyGroup));
    }
}
