using System.Security.Cryptography.X509Certificates;

namespace Actors.Gateway.Security;

/// <summary>The cluster CA and the API server's serving certificate (with its private key), plus the CA as PEM for kubeconfigs.</summary>
internal sealed record ClusterCertificates(X509Certificate2 Ca, X509Certificate2 Serving, string CaPem, bool Regenerated);
