namespace Actors.NodeAgent.Runtime;

/// <summary>A running sandbox: the container that holds the pod's network namespace and the pod's IP.</summary>
public sealed record SandboxInfo(string SandboxId, string PodIP);
