namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes DeploymentSpec type.</summary>
public sealed class DeploymentSpec : ResourceModel
{
    public int? Replicas { get; set; }

    public LabelSelector? Selector { get; set; }

    public PodTemplateSpec? Template { get; set; }

    public DeploymentStrategy? Strategy { get; set; }

    public int? MinReadySeconds { get; set; }

    public int? RevisionHistoryLimit { get; set; }

    public bool? Paused { get; set; }

    public int? ProgressDeadlineSeconds { get; set; }
}
