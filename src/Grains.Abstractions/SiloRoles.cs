namespace Actors.Grains.Abstractions;

/// <summary>The silo roles grains are placed by: the control plane hosts resource grains (and hollow node agents); workers host only their own node agent.</summary>
public static class SiloRoles
{
    public const string ControlPlane = "control-plane";

    public const string Worker = "worker";
}
