using Actors.Grains.Abstractions.Objects;

namespace Actors.NodeAgent.Agent;

/// <summary><c>kubectl exec</c> through the agent: a session per command, read and written by the gateway in turns.</summary>
public abstract partial class NodeAgentGrain
{
    public async Task<ExecOpenResult> OpenExecAsync(PodExecRequest request)
    {
        var (observed, name, error) = FindContainer(request.Namespace, request.Pod, request.Container);
        if (observed is null || error is not null)
        {
            return new ExecOpenResult(null, error, NotFound: observed is null);
        }
        var running = observed.Containers.Where(c => c.Name == name && c.State == Runtime.RuntimeContainerState.Running).MaxBy(c => c.Attempt);
        if (running is null)
        {
            return new ExecOpenResult(null, $"container {name} is not running in pod {request.Pod}");
        }
        var opened = await _runtime.OpenExecAsync(running.Id, request.Command, request.Stdin, request.Tty, _stopping.Token);
        return opened.IsOk
            ? new ExecOpenResult(_exec.Open(opened.Value!))
            : new ExecOpenResult(null, $"exec in container {name} of pod {request.Pod} failed: {opened.Message}");
    }

    public Task<ExecOutput> ReadExecAsync(string sessionId) => _exec.ReadAsync(sessionId);

    public Task SendExecInputAsync(string sessionId, ExecInput input) => _exec.SendAsync(sessionId, input);

    public Task EndExecAsync(string sessionId) => _exec.EndAsync(sessionId);
}
