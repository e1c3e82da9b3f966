using System.Net.Sockets;
using Actors.Grains.Abstractions.Resources;
using Actors.NodeAgent.Runtime;

namespace Actors.NodeAgent.Agent.Probes;

/// <summary>Runs one probe once: exec in the container (exit 0), HTTP GET on the pod IP (200–399), or a TCP connect.</summary>
public sealed class ProbeRunner(IContainerRuntime runtime, HttpClient http)
{
    public async Task<bool> RunAsync(Probe probe, Container container, string containerId, string? podIP, CancellationToken cancellationToken)
    {
        var timeout = ProbeTracker.Timeout(probe);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            if (probe.Exec?.Command is { Count: > 0 } command)
            {
                var result = await runtime.ExecAsync(containerId, command, timeout, deadline.Token);
                return result.IsOk && result.Value is { TimedOut: false, ExitCode: 0 };
            }
            if (probe.HttpGet is { } get && ResolvePort(get.Port, container) is { } httpPort)
            {
                var scheme = string.Equals(get.Scheme, "HTTPS", StringComparison.OrdinalIgnoreCase) ? "https" : "http";
                var path = string.IsNullOrEmpty(get.Path) ? "/" : get.Path.StartsWith('/') ? get.Path : "/" + get.Path;
                using var request = new HttpRequestMessage(HttpMethod.Get, $"{scheme}://{get.Host ?? podIP}:{httpPort}{path}");
                foreach (var header in get.HttpHeaders ?? [])
                {
                    request.Headers.TryAddWithoutValidation(header.Name ?? "", header.Value);
                }
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                return (int)response.StatusCode is >= 200 and < 400;
            }
            if (probe.TcpSocket is { } tcp && ResolvePort(tcp.Port, container) is { } tcpPort)
            {
                using var client = new TcpClient();
                await client.ConnectAsync(tcp.Host ?? podIP ?? "", tcpPort, deadline.Token);
                return true;
            }
            return false;
        }
        catch (Exception exception) when (exception is OperationCanceledException or HttpRequestException or SocketException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>A number, or the name of one of the container's ports.</summary>
    public static int? ResolvePort(IntOrString? port, Container container) =>
        port is not { } value ? null
        : value.IsInt ? value.IntValue
        : container.Ports?.FirstOrDefault(p => p.Name == value.StringValue)?.Port;
}
