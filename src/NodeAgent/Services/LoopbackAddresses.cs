using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Actors.NodeAgent.Services;

/// <summary>
/// Puts cluster IPs on the host's loopback interface with <c>ip addr</c>, so the host owns them: a pod's packet to a
/// cluster IP follows its default route to the host and is delivered to the proxy's listener there. An address
/// that was there already (another agent on this machine, or a leftover) is used but never removed; removing one
/// that is gone counts as done.
/// </summary>
public sealed partial class LoopbackAddresses(ILogger logger)
{
    private const string Interface = "lo";

    private readonly HashSet<IPAddress> _present = [];
    private readonly HashSet<IPAddress> _added = [];

    /// <summary>Adds the wanted addresses and removes the ones this node added that are no longer wanted.</summary>
    public async Task ReconcileAsync(IReadOnlySet<IPAddress> wanted, CancellationToken cancellationToken)
    {
        foreach (var address in _present.Where(a => !wanted.Contains(a)).ToList())
        {
            if (!_added.Contains(address) || await RunAsync("del", address, "Cannot assign requested address", cancellationToken) is not null)
            {
                _present.Remove(address);
                _added.Remove(address);
            }
        }
        foreach (var address in wanted.Where(a => !_present.Contains(a)))
        {
            if (await RunAsync("add", address, "File exists", cancellationToken) is { } added)
            {
                _present.Add(address);
                if (added)
                {
                    _added.Add(address);
                }
            }
        }
    }

    /// <summary>True when the command did it, false when it was done already, null when it failed.</summary>
    private async Task<bool?> RunAsync(string verb, IPAddress address, string alreadyDone, CancellationToken cancellationToken)
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
            if (process.ExitCode == 0)
            {
                return true;
            }
            if (error.Contains(alreadyDone, StringComparison.Ordinal))
            {
                return false;
            }
            LogFailed(logger, verb, address, error.Trim());
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            LogFailed(logger, verb, address, exception.Message);
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ip addr {Verb} {Address}/32 dev lo failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string verb, IPAddress address, string error);
}
