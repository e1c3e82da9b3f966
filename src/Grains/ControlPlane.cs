namespace Actors.Grains;

/// <summary>Names the control plane's grains share.</summary>
public static class ControlPlane
{
    /// <summary>The silo role that hosts resource grains (<c>actors server</c>); workers host only node agents.</summary>
    public const string Role = Abstractions.SiloRoles.ControlPlane;
}
