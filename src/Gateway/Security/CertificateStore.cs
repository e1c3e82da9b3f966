using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Actors.Gateway.Security;

/// <summary>
/// Creates the cluster CA (10 years) and the API server certificate (1 year, ECDSA P-256) as PEM files in a directory on
/// first start (<c>ca.crt</c>, <c>ca.key</c>, <c>apiserver.crt</c>, <c>apiserver.key</c>; keys mode 0600) and reuses
/// them afterwards, regenerating when a certificate is missing, unreadable, near expiry or has other SANs.
/// </summary>
internal sealed class CertificateStore(TimeProvider timeProvider)
{
    public const string CaCertFile = "ca.crt";
    public const string CaKeyFile = "ca.key";
    public const string ServingCertFile = "apiserver.crt";
    public const string ServingKeyFile = "apiserver.key";

    public ClusterCertificates Ensure(string directory, SubjectAlternativeNames names)
    {
        Directory.CreateDirectory(directory);
        var now = timeProvider.GetUtcNow();
        var regenerated = false;

        var ca = TryLoad(directory, CaCertFile, CaKeyFile);
        if (ca is null || ca.NotAfter.ToUniversalTime() - now < CertificatePolicy.RenewBefore)
        {
            ca = CreateCa(now);
            Save(directory, CaCertFile, CaKeyFile, ca);
            regenerated = true;
        }

        var serving = regenerated ? null : TryLoad(directory, ServingCertFile, ServingKeyFile);
        if (serving is null || !IsIssuedBy(serving, ca) || ReasonToRegenerate(serving, names, now) is not null)
        {
            serving = CreateServing(ca, names, now);
            Save(directory, ServingCertFile, ServingKeyFile, serving);
            regenerated = true;
        }

        return new ClusterCertificates(ca, serving, ca.ExportCertificatePem() + "\n", regenerated);
    }

    internal static string? ReasonToRegenerate(X509Certificate2 certificate, SubjectAlternativeNames names, DateTimeOffset now)
    {
        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        return CertificatePolicy.RegenerationReason(
            new DateTimeOffset(certificate.NotAfter.ToUniversalTime()),
            san?.EnumerateDnsNames() ?? [],
            san?.EnumerateIPAddresses() ?? [],
            names,
            now);
    }

    private static X509Certificate2 CreateCa(DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=actors-ca", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
    }

    private static X509Certificate2 CreateServing(X509Certificate2 ca, SubjectAlternativeNames names, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=actors-apiserver", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var san = new SubjectAlternativeNameBuilder();
        foreach (var dns in names.DnsNames)
        {
            san.AddDnsName(dns);
        }

        foreach (var ip in names.IpAddresses)
        {
            san.AddIpAddress(ip);
        }

        request.CertificateExtensions.Add(san.Build());
        var notAfter = now.AddYears(1);
        if (notAfter > ca.NotAfter)
        {
            notAfter = ca.NotAfter;
        }

        using var issued = request.Create(ca, now.AddMinutes(-5), notAfter, RandomNumberGenerator.GetBytes(16));
        return issued.CopyWithPrivateKey(key);
    }

    private static bool IsIssuedBy(X509Certificate2 certificate, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private static X509Certificate2? TryLoad(string directory, string certFile, string keyFile)
    {
        var certPath = Path.Combine(directory, certFile);
        var keyPath = Path.Combine(directory, keyFile);
        if (!File.Exists(certPath) || !File.Exists(keyPath))
        {
            return null;
        }

        try
        {
            return X509Certificate2.CreateFromPemFile(certPath, keyPath);
        }
        catch (CryptographicException)
        {
            // A corrupt or mismatched pair is replaced, as if it were missing.
            return null;
        }
    }

    private static void Save(string directory, string certFile, string keyFile, X509Certificate2 certificate)
    {
        using var key = certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("certificate has no ECDSA private key");
        SecureFile.WriteAllText(Path.Combine(directory, keyFile), key.ExportPkcs8PrivateKeyPem() + "\n");
        File.WriteAllText(Path.Combine(directory, certFile), certificate.ExportCertificatePem() + "\n");
    }
}
