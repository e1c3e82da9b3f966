using System.Net;
using Actors.Gateway.Security;

namespace Actors.Gateway.Hosting;

/// <summary>Settings of the Kubernetes API endpoint.</summary>
public sealed class GatewayOptions
{
    /// <summary>Where the cluster CA, serving certificate and admin token live (created on first start).</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>The address Kestrel binds; loopback by default.</summary>
    public IPAddress ListenAddress { get; set; } = IPAddress.Loopback;

    /// <summary>The HTTPS port; 0 picks a free one (tests).</summary>
    public int Port { get; set; } = 6443;

    public IReadOnlyList<string> ExtraDnsNames { get; set; } = [];

    public IReadOnlyList<IPAddress> ExtraIpAddresses { get; set; } = [];

    /// <summary>An optional static token file (<c>token,user,uid,"group1,group2"</c> per line).</summary>
    public string? TokenFilePath { get; set; }

    public string ReadOnlyGroup { get; set; } = Authorizer.DefaultReadOnlyGroup;

    /// <summary>Request bodies above this answer 413 (Kubernetes' 3 MiB).</summary>
    public long MaxRequestBodyBytes { get; set; } = 3 * 1024 * 1024;
}
