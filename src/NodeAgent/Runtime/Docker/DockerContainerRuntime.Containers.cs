using System.Runtime.CompilerServices;
using Actors.NodeAgent.Docker;

namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>The container-level operations: start (with the image check when the image is missing), stop, remove, exec and logs.</summary>
public sealed partial class DockerContainerRuntime
{
    public async Task<RuntimeResult<string>> StartContainerAsync(PodSandboxConfig pod, ContainerLaunch container, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _podStartsInFlight);
        try
        {
            return await StartInSandboxAsync(pod, container, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _podStartsInFlight);
        }
    }

    private async Task<RuntimeResult<string>> StartInSandboxAsync(PodSandboxConfig pod, ContainerLaunch container, CancellationToken cancellationToken)
    {
        var sandboxId = await RunningSandboxIdAsync(pod.Uid, cancellationToken);
        if (!sandboxId.IsOk)
        {
            return sandboxId.Failure == RuntimeFailure.NotFound
                ? RuntimeResult<string>.Failed(RuntimeFailure.NotFound, $"pod {pod.Namespace}/{pod.Name} ({pod.Uid}) has no running sandbox on node {_nodeName}")
                : sandboxId;
        }
        var request = ContainerRequests.Container(pod, _nodeName, container, sandboxId.Value!);
        var created = await CreateAsync(request, cancellationToken);
        if (created.Failure == RuntimeFailure.ImageNotPresent)
        {
            // Only a missing image costs the image check (and a pull, when the policy allows one); a present one is used as it is.
            var image = await EnsureImageAsync(container.Image, container.PullPolicy, cancellationToken);
            if (!image.IsOk)
            {
                return RuntimeResult<string>.Failed(image.Failure, image.Message ?? image.Failure.ToString());
            }
            created = await CreateAsync(request, cancellationToken);
        }
        if (!created.IsOk)
        {
            return created;
        }
        var started = await _docker.StartContainerAsync(created.Value!, cancellationToken);
        return started.IsOk
            ? created
            : RuntimeFailures.Failed<string>(started.Kind, $"container {request.Name}: {started.Message}", RuntimeFailure.StartFailed);
    }

    /// <summary>
    /// The sandbox this runtime last ran for the pod, without asking the engine; else the running one the engine
    /// lists (after a restart). A sandbox that died since makes the engine refuse the start, and the next sync replaces it.
    /// </summary>
    private async Task<RuntimeResult<string>> RunningSandboxIdAsync(string podUid, CancellationToken cancellationToken)
    {
        if (_sandboxes.TryGetValue(podUid, out var known))
        {
            return RuntimeResult<string>.Success(known);
        }
        var sandboxes = await ListSandboxesAsync(podUid, all: false, cancellationToken);
        if (!sandboxes.IsOk)
        {
            return RuntimeFailures.Failed<string>(sandboxes.Kind, sandboxes.Message, RuntimeFailure.CreateFailed);
        }
        return sandboxes.Value.FirstOrDefault() is { } sandbox
            ? RuntimeResult<string>.Success(sandbox.Id)
            : RuntimeResult<string>.Failed(RuntimeFailure.NotFound, "no running sandbox");
    }

    public async Task<RuntimeResult> StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        var owned = await InspectOwnedAsync(containerId, cancellationToken);
        if (!owned.IsOk)
        {
            return RuntimeFailures.ToResult(owned.WithoutValue(), RuntimeFailure.EngineError);
        }
        return RuntimeFailures.ToResult(await _docker.StopContainerAsync(containerId, gracePeriod, cancellationToken), RuntimeFailure.EngineError);
    }

    public async Task<RuntimeResult> RemoveContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        var owned = await InspectOwnedAsync(containerId, cancellationToken);
        if (!owned.IsOk)
        {
            return RuntimeFailures.ToResult(owned.WithoutValue(), RuntimeFailure.EngineError);
        }
        var removed = await _docker.RemoveContainerAsync(containerId, force: true, cancellationToken);
        // A Conflict here is "removal already in progress": the container is going, as asked.
        return removed.Kind == DockerResultKind.Conflict ? RuntimeResult.Ok : RuntimeFailures.ToResult(removed, RuntimeFailure.EngineError);
    }

    public async Task<RuntimeResult<ExecOutcome>> ExecAsync(string containerId, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var owned = await InspectOwnedAsync(containerId, cancellationToken);
        if (!owned.IsOk)
        {
            return RuntimeFailures.Failed<ExecOutcome>(owned.Kind, owned.Message, RuntimeFailure.EngineError);
        }
        var exec = await _docker.ExecAsync(containerId, command, timeout, cancellationToken);
        return exec.IsOk
            ? RuntimeResult<ExecOutcome>.Success(new ExecOutcome(exec.Value.ExitCode, exec.Value.Output, exec.Value.TimedOut))
            : RuntimeFailures.Failed<ExecOutcome>(exec.Kind, exec.Message, RuntimeFailure.EngineError);
    }

    public async Task<RuntimeResult<IContainerStream>> OpenExecAsync(string containerId, IReadOnlyList<string> command, bool stdin, bool tty, CancellationToken cancellationToken)
    {
        var owned = await InspectOwnedAsync(containerId, cancellationToken);
        if (!owned.IsOk)
        {
            return RuntimeFailures.Failed<IContainerStream>(owned.Kind, owned.Message, RuntimeFailure.EngineError);
        }
        if (command.Count == 0)
        {
            var attached = await _docker.AttachAsync(containerId, stdin, owned.Value.Config.Tty, cancellationToken);
            return attached.IsOk
                ? RuntimeResult<IContainerStream>.Success(new DockerProcessStream(_docker, attached.Value!, containerId, execId: null))
                : RuntimeFailures.Failed<IContainerStream>(attached.Kind, attached.Message, RuntimeFailure.EngineError);
        }
        var opened = await _docker.OpenExecAsync(containerId, command, stdin, tty, cancellationToken);
        return opened.IsOk
            ? RuntimeResult<IContainerStream>.Success(new DockerProcessStream(_docker, opened.Value!.Connection, containerId, opened.Value.ExecId))
            : RuntimeFailures.Failed<IContainerStream>(opened.Kind, opened.Message, RuntimeFailure.EngineError);
    }

    /// <summary>The lines are read as they are enumerated; enumerate them to the end or cancel to close the engine stream.</summary>
    public async Task<RuntimeResult<IAsyncEnumerable<string>>> LogsAsync(string containerId, ContainerLogQuery query, CancellationToken cancellationToken)
    {
        var owned = await InspectOwnedAsync(containerId, cancellationToken);
        if (!owned.IsOk)
        {
            return RuntimeFailures.Failed<IAsyncEnumerable<string>>(owned.Kind, owned.Message, RuntimeFailure.EngineError);
        }
        var logs = await _docker.GetLogsAsync(containerId, query.Follow, query.TailLines, query.Since, query.Timestamps, cancellationToken);
        return logs.IsOk
            ? RuntimeResult<IAsyncEnumerable<string>>.Success(Lines(logs.Value, query.Timestamps, CancellationToken.None))
            : RuntimeFailures.Failed<IAsyncEnumerable<string>>(logs.Kind, logs.Message, RuntimeFailure.EngineError);
    }

    private static async IAsyncEnumerable<string> Lines(DockerStream<LogLine> stream, bool timestamps, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var line in stream.WithCancellation(cancellationToken))
        {
            yield return LogLineText.Format(line, timestamps);
        }
    }

    /// <summary>Makes sure the image is on the engine: a local one is used as it is, a missing one pulled when the policy allows.</summary>
    private async Task<RuntimeResult> EnsureImageAsync(string image, PullPolicy policy, CancellationToken cancellationToken)
    {
        var local = await _docker.InspectImageAsync(image, cancellationToken);
        if (!local.IsOk && local.Kind == DockerResultKind.EngineUnavailable)
        {
            return new RuntimeResult(RuntimeFailure.EngineUnavailable, local.Message);
        }
        switch (ImagePullDecision.Decide(local.IsOk, policy))
        {
            case ImageAction.UseLocal:
                return RuntimeResult.Ok;
            case ImageAction.Refuse:
                return new RuntimeResult(RuntimeFailure.ImageNotPresent, $"image {image} is not present on node {_nodeName} and imagePullPolicy is Never");
            default:
                var pulled = await _docker.PullImageAsync(image, cancellationToken);
                return pulled.IsOk
                    ? RuntimeResult.Ok
                    : new RuntimeResult(pulled.Kind == DockerResultKind.EngineUnavailable ? RuntimeFailure.EngineUnavailable : RuntimeFailure.ImageNotPresent, pulled.Message);
        }
    }

    /// <summary>
    /// Creates the container. Its name is already taken when an earlier call for the same attempt got this far: a
    /// running one is that attempt, already started; one that never ran or has ended is replaced.
    /// </summary>
    private async Task<RuntimeResult<string>> CreateAsync(ContainerCreateRequest request, CancellationToken cancellationToken)
    {
        var created = await _docker.CreateContainerAsync(request, cancellationToken);
        if (created.Kind == DockerResultKind.Conflict)
        {
            var existing = await InspectOwnedAsync(request.Name, cancellationToken);
            if (existing.IsOk && existing.Value.State.Running)
            {
                return RuntimeResult<string>.Success(existing.Value.Id);
            }
            if (existing.IsOk)
            {
                await _docker.RemoveContainerAsync(existing.Value.Id, force: true, cancellationToken);
                created = await _docker.CreateContainerAsync(request, cancellationToken);
            }
        }
        return created.IsOk
            ? RuntimeResult<string>.Success(created.Value)
            : RuntimeResult<string>.Failed(RuntimeFailures.FromCreate(created.Kind), $"container {request.Name}: {created.Message}");
    }
}
