namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes RollingUpdateDeployment type.</summary>
public sealed class RollingUpdateDeployment : ResourceModel
{
    public IntOrString? MaxUnavailable { get; set; }

    public IntOrString? MaxSurge { get; set; }
}
