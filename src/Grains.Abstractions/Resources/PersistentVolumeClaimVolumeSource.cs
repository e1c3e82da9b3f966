namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes PersistentVolumeClaimVolumeSource type.</summary>
public sealed class PersistentVolumeClaimVolumeSource : ResourceModel
{
    public string? ClaimName { get; set; }

    public bool? ReadOnly { get; set; }
}
