namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes DeploymentStrategy type.</summary>
public sealed class DeploymentStrategy : ResourceModel
{
    public string? Type { get; set; }

    public RollingUpdateDeployment? RollingUpdate { get; set; }
}
