using Actors.NodeAgent.Docker;

namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>
/// <c>docker info</c> as the Node's nodeInfo wants it: <c>docker://&lt;version&gt;</c>, and the architecture in Go's
/// names (amd64, arm64) that Kubernetes nodes report, not the kernel's (x86_64, aarch64).
/// </summary>
public static class RuntimeInfoMapping
{
    public static RuntimeInfo From(DockerInfo info) => new(
        $"docker://{info.ServerVersion}",
        info.NCPU,
        info.MemTotal,
        info.OperatingSystem,
        info.KernelVersion,
        Architecture(info.Architecture));

    public static string Architecture(string engineArchitecture) => engineArchitecture switch
    {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "armv7l" or "armv6l" => "arm",
        "i386" or "i686" => "386",
        _ => engineArchitecture,
    };
}
