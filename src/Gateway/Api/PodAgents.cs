using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Actors.Gateway.Errors;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Abstractions.Store;

namespace Actors.Gateway.Api;

/// <summary>
/// The node agent that runs a pod, for the endpoints that reach into its containers (log, exec, port-forward, the
/// metrics API), and reading the stream sessions those endpoints open on it.
/// </summary>
internal static class PodAgents
{
    /// <param name="unscheduled">The refusal when the pod has no node yet, worded for the endpoint.</param>
    public static async Task<(INodeAgentGrain Agent, string Node, JsonObject Pod)> ForPodAsync(IGrainFactory grains, IObjectStore store, string ns, string name, string unscheduled, CancellationToken cancellationToken)
    {
        var pod = await store.GetAsync("Pod", ns, name, cancellationToken)
            ?? throw new KubeStatusException(KubeStatus.NotFound(new GroupResource("", "pods"), name));
        if ((string?)pod["spec"]?["nodeName"] is not { } nodeName)
        {
            throw new KubeStatusException(KubeStatus.BadRequest(unscheduled));
        }
        return (AgentOf(grains, nodeName, await store.GetAsync("Node", "", nodeName, cancellationToken)), nodeName, pod);
    }

    /// <summary>A node's agent, hollow or on Docker as its Node object's label says (a node not found counts as Docker).</summary>
    public static INodeAgentGrain AgentOf(IGrainFactory grains, string nodeName, JsonObject? node) =>
        NodeAgents.For(grains, nodeName, NodeAgents.IsHollow((node?["metadata"]?["labels"] as JsonObject)?.ToDictionary(p => p.Key, p => (string?)p.Value ?? "")));

    /// <summary>
    /// A stream session's output, read after read, until it ends. An agent that stops answering ends it too, with
    /// the reason as the end's error, so every endpoint tells its client the same thing.
    /// </summary>
    public static async IAsyncEnumerable<StreamOutput> ReadOutputAsync(INodeAgentGrain agent, string node, string session, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            StreamOutput output;
            try
            {
                output = await agent.ReadStreamAsync(session);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                output = new StreamOutput([], Ended: true, Error: $"the agent of node {node} is not reachable: {exception.Message}");
            }
            yield return output;
            if (output.Ended)
            {
                yield break;
            }
        }
    }

    /// <summary>Best effort: an agent that cannot be told closes the session itself once nobody reads it.</summary>
    public static async Task EndStreamAsync(INodeAgentGrain agent, string session)
    {
        try
        {
            await agent.EndStreamAsync(session);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return;
        }
    }

    /// <summary>A call to the pod's agent; an agent that does not answer is the server's trouble, a 503.</summary>
    public static async Task<T> CallAsync<T>(string node, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or KubeStatusException))
        {
            throw new KubeStatusException(KubeStatus.ServiceUnavailable($"the agent of node {node} is not reachable: {exception.Message}"));
        }
    }
}
