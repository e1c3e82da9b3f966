namespace Actors.Placement;

/// <summary>Activations of this class are placed only on silos that have this role.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SiloRolePlacementAttribute(string role) : Attribute
{
    public string Role { get; } = role;
}

/// <summary>
/// The grain's key names a silo (its <c>SiloName</c>, the node name): the grain lives only there.
/// When that silo is not Active the grain is not activated elsewhere and calls to it fail fast.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PinnedToSiloNamePlacementAttribute : Attribute;
