namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes PodTemplateSpec type.</summary>
public sealed class PodTemplateSpec : ResourceModel
{
    public ObjectMeta? Metadata { get; set; }

    public PodSpec? Spec { get; set; }
}
