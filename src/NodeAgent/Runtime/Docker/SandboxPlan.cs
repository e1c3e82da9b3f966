using Actors.NodeAgent.Docker;

namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>
/// What RunPodSandbox does with the sandboxes a pod already has: reuse a running one, otherwise replace the dead
/// ones with a new attempt (the next number, so the new name never clashes with a leftover).
/// </summary>
public sealed record SandboxPlan(string? Reuse, IReadOnlyList<string> Remove, int NextAttempt)
{
    public static SandboxPlan For(IReadOnlyList<ContainerSummary> sandboxes)
    {
        if (sandboxes.FirstOrDefault(s => s.State == "running") is { } running)
        {
            return new SandboxPlan(running.Id, [], 0);
        }
        var next = sandboxes.Count == 0 ? 0 : sandboxes.Max(s => ContainerIdentity.From(s.Names.FirstOrDefault(), s.Labels)?.Attempt ?? ContainerLabels.Attempt(s.Labels)) + 1;
        return new SandboxPlan(null, [.. sandboxes.Select(s => s.Id)], next);
    }
}
