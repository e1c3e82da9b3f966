using Actors.Grains.Abstractions.Objects;
using Actors.NodeAgent.Agent.Streams;
using Actors.NodeAgent.Runtime;

namespace Actors.NodeAgent.Agent;

/// <summary>
/// Live container streams through the agent (<c>kubectl exec</c>, <c>attach</c>, <c>logs -f</c>): a session each,
/// read and written by the gateway in turns.
/// </summary>
public abstract partial class NodeAgentGrain
{
    public async Task<StreamOpenResult> OpenExecAsync(PodExecRequest request)
    {
        var (observed, name, error) = FindContainer(request.Namespace, request.Pod, request.Container);
        if (observed is null || error is not null)
        {
            return new StreamOpenResult(null, error, NotFound: observed is null);
        }
        var running = observed.Containers.Where(c => c.Name == name && c.State == RuntimeContainerState.Running).MaxBy(c => c.Attempt);
        if (running is null)
        {
            return new StreamOpenResult(null, $"container {name} is not running in pod {request.Pod}");
        }
        var opened = await _runtime.OpenExecAsync(running.Id, request.Command, request.Stdin, request.Tty, _stopping.Token);
        return opened.IsOk
            ? new StreamOpenResult(_streams.Open(opened.Value!))
            : new StreamOpenResult(null, $"exec in container {name} of pod {request.Pod} failed: {opened.Message}");
    }

    public async Task<StreamOpenResult> OpenLogStreamAsync(PodLogRequest request)
    {
        var (attempt, error) = FindLogAttempt(request);
        if (attempt is null)
        {
            return new StreamOpenResult(null, error);
        }
        var logs = await _runtime.LogsAsync(attempt.Id, new ContainerLogQuery(Follow: true, request.TailLines, request.Since, request.Timestamps), _stopping.Token);
        return logs.IsOk
            ? new StreamOpenResult(_streams.Open(new LogLineStream(logs.Value!)))
            : new StreamOpenResult(null, logs.Message);
    }

    public async Task<StreamOpenResult> OpenPortForwardAsync(PodPortForwardRequest request)
    {
        var (observed, _, _) = FindContainer(request.Namespace, request.Pod, null);
        if (observed?.PodIP is not { } ip || !System.Net.IPAddress.TryParse(ip, out var address))
        {
            return new StreamOpenResult(null, $"pod \"{request.Pod}\" has no IP on node {NodeName} yet");
        }
        var connected = await PortStream.ConnectAsync(new System.Net.IPEndPoint(address, request.Port), _stopping.Token);
        return connected.Stream is { } stream
            ? new StreamOpenResult(_streams.Open(stream))
            : new StreamOpenResult(null, $"error forwarding port {request.Port} to pod {request.Pod}: {connected.Error}");
    }

    public Task<StreamOutput> ReadStreamAsync(string sessionId) => _streams.ReadAsync(sessionId);

    public Task SendStreamInputAsync(string sessionId, StreamInput input) => _streams.SendAsync(sessionId, input);

    public Task EndStreamAsync(string sessionId) => _streams.EndAsync(sessionId);
}
