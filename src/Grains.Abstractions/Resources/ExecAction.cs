namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ExecAction type.</summary>
public sealed class ExecAction : ResourceModel
{
    public List<string>? Command { get; set; }
}
