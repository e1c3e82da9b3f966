namespace Actors.TestSupport;

/// <summary>
/// One real kubectl binary against one kubeconfig, so the same workflow code drives every kubectl version. Each
/// instance has its own discovery cache beside the kubeconfig, so discovery is exercised on every test run.
/// </summary>
public sealed class Kubectl(string binary, string kubeconfig)
{
    /// <summary>The newest kubectl of the Google Cloud SDK (protobuf bodies, aggregated discovery).</summary>
    public const string Newest = "/usr/lib/google-cloud-sdk/bin/kubectl.1.33";

    /// <summary>The oldest kubectl of the Google Cloud SDK: exec, attach and port-forward over SPDY only.</summary>
    public const string Oldest = "/usr/lib/google-cloud-sdk/bin/kubectl.1.27";

    /// <summary>Debian's kubernetes-client, unpacked by deploy/kubectl-120.sh.</summary>
    public const string Debian120 = "/opt/actors/kubectl-1.20/usr/bin/kubectl";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly string _cacheDirectory = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(kubeconfig)!, "kube-cache-" + Guid.NewGuid().ToString("N")[..8]);

    public string Binary { get; } = binary;

    /// <summary>Runs a command that must succeed; its stdout.</summary>
    public Task<string> RunAsync(params string[] arguments) => RunWithInputAsync(null, arguments);

    /// <summary>Runs a command that must succeed with <paramref name="input"/> (when not null) as its stdin; its stdout.</summary>
    public async Task<string> RunWithInputAsync(string? input, params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await TryRunWithInputAsync(input, arguments);
        return exitCode == 0
            ? stdout
            : throw new InvalidOperationException($"{Binary} {string.Join(' ', arguments)} exited {exitCode}: {stderr}");
    }

    /// <summary>Runs a command that may fail; kubectl is killed after 90 s.</summary>
    public Task<(int ExitCode, string StandardOutput, string StandardError)> TryRunAsync(params string[] arguments) =>
        TryRunWithInputAsync(null, arguments);

    /// <summary>Runs a command that may fail with <paramref name="input"/> (when not null) as its stdin, closed after it.</summary>
    public Task<(int ExitCode, string StandardOutput, string StandardError)> TryRunWithInputAsync(string? input, params string[] arguments) =>
        ChildProcess.RunAsync(Binary, ["--kubeconfig=" + kubeconfig, "--cache-dir=" + _cacheDirectory, "--request-timeout=30s", .. arguments], CommandTimeout, input);
}
