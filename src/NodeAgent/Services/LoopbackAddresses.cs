using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Actors.NodeAgent.Services;

/// <summary>
/// Puts cluster IPs on the host's loopback interface with <c>ip addr</c>, so the host owns them: a pod's packet to a
/// cluster IP follows its default route to the host and is delivered to the proxy's listener there. Each address
/// this node adds carries the node's label, so after a crash the node's next run finds the ones it left and removes
/// those no Service wants. An address that was there already without that label (another agent on this machine)
/// is used but never removed; removing one that is gone counts as done.
/// </summary>
public sealed partial class LoopbackAddresses(string label, ILogger logger)
{
    private const string Interface = "lo";

    private readonly HashSet<IPAddress> _present = [];
    private readonly HashSet<IPAddress> _added = [];
    private bool _adoptedLeftovers;

    /// <summary>The label of a node's addresses: the interface name, a colon and at most 12 characters.</summary>
    public static string LabelFor(string nodeName) => $"{Interface}:ac{StableHash.Compute(nodeName):x8}";

    /// <summary>Adds the wanted addresses and removes the ones this node added that are no longer wanted.</summary>
    public async Task ReconcileAsync(IReadOnlySet<IPAddress> wanted, CancellationToken cancellationToken)
    {
        if (!_adoptedLeftovers)
        {
            foreach (var leftover in await ListLabelledAsync(cancellationToken))
            {
                _present.Add(leftover);
                _added.Add(leftover);
            }
            _adoptedLeftovers = true;
        }
        foreach (var address in _present.Where(a => !wanted.Contains(a)).ToList())
        {
            if (!_added.Contains(address) || await ChangeAsync("del", address, "Cannot assign requested address", cancellationToken) is not null)
            {
                _present.Remove(address);
                _added.Remove(address);
            }
        }
        foreach (var address in wanted.Where(a => !_present.Contains(a)))
        {
            if (await ChangeAsync("add", address, "File exists", cancellationToken) is { } added)
            {
                _present.Add(address);
                if (added)
                {
                    _added.Add(address);
                }
            }
        }
    }

    /// <summary>The IPv4 addresses in <c>ip -o addr show</c> output.</summary>
    public static IReadOnlyList<IPAddress> ParseAddresses(string output) =>
    [
        .. output.Split('\n')
            .Select(line => line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Select(words => Array.IndexOf(words, "inet") is var at and >= 0 && at + 1 < words.Length ? words[at + 1].Split('/')[0] : null)
            .Select(text => IPAddress.TryParse(text, out var address) ? address : null)
            .OfType<IPAddress>(),
    ];

    private async Task<IReadOnlyList<IPAddress>> ListLabelledAsync(CancellationToken cancellationToken)
    {
        var (exitCode, output, error) = await RunAsync(["-o", "-4", "addr", "show", "dev", Interface, "label", label], cancellationToken);
        if (exitCode != 0)
        {
            LogFailed(logger, "show", label, error);
            return [];
        }
        return ParseAddresses(output);
    }

    /// <summary>True when the command did it, false when it was done already, null when it failed.</summary>
    private async Task<bool?> ChangeAsync(string verb, IPAddress address, string alreadyDone, CancellationToken cancellationToken)
    {
        string[] arguments = verb == "add"
            ? ["addr", verb, $"{address}/32", "dev", Interface, "label", label]
            : ["addr", verb, $"{address}/32", "dev", Interface];
        var (exitCode, _, error) = await RunAsync(arguments, cancellationToken);
        if (exitCode == 0)
        {
            return true;
        }
        if (error.Contains(alreadyDone, StringComparison.Ordinal))
        {
            return false;
        }
        LogFailed(logger, verb, address.ToString(), error);
        return null;
    }

    /// <summary>Runs <c>ip</c>; a missing binary reads as a failure with its message, never an exception.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return (process.ExitCode, await output, error.Trim());
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return (-1, "", exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ip addr {Verb} {Subject} on lo failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string verb, string subject, string error);
}
