namespace Actors.Grains.Abstractions.Objects;

/// <summary>Which of a pod's containers a log or exec request means: the one named, or the only one; else why none, as the API server words it.</summary>
public static class ContainerChoice
{
    public static (string? Container, string? Error) Choose(IReadOnlyList<string> containers, string? requested, string pod)
    {
        if (requested is null)
        {
            return containers.Count == 1
                ? (containers[0], null)
                : (null, $"a container name must be specified for pod {pod}, choose one of: [{string.Join(" ", containers)}]");
        }
        return containers.Contains(requested) ? (requested, null) : (null, $"container {requested} is not valid for pod {pod}");
    }
}
