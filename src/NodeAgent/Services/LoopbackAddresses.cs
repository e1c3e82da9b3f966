using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Actors.NodeAgent.Services;

/// <summary>
/// Puts cluster IPs on the host's loopback interface with <c>ip addr</c>, so the host owns them: a pod's packet to a
/// cluster IP follows its default route to the host and is delivered to the proxy's listener there. Adding an
/// address that is there already and removing one that is gone both count as done.
/// </summary>
public sealed partial class LoopbackAddresses(ILogger logger)
{
    private const string Interface = "lo";

    private readonly HashSet<IPAddress> _present = [];

    public IReadOnlyCollection<IPAddress> Present => _present;

    /// <summary>Adds the wanted addresses and removes the ones this node added that are no longer wanted.</summary>
    public async Task ReconcileAsync(IReadOnlySet<IPAddress> wanted, CancellationToken cancellationToken)
    {
        foreach (var address in _present.Where(a => !wanted.Contains(a)).ToList())
        {
            if (await RunAsync("del", address, "Cannot assign requested address", cancellationToken))
            {
                _present.Remove(address);
            }
        }
        foreach (var address in wanted.Where(a => !_present.Contains(a)))
        {
            if (await RunAsync("add", address, "File exists", cancellationToken))
            {
                _present.Add(address);
            }
        }
    }

    private async Task<bool> RunAsync(string verb, IPAddress address, string alreadyDone, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "addr", verb, $"{address}/32", "dev", Interface })
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(start)!;
            var error = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode == 0 || error.Contains(alreadyDone, StringComparison.Ordinal))
            {
                return true;
            }
            LogFailed(logger, verb, address, error.Trim());
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            LogFailed(logger, verb, address, exception.Message);
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ip addr {Verb} {Address}/32 dev lo failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string verb, IPAddress address, string error);
}
