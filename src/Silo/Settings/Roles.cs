namespace Actors.Silo.Settings;

/// <summary>The roles a silo can have; placement puts each grain type only on silos with its role.</summary>
public static class Roles
{
    public const string ControlPlane = Grains.Abstractions.SiloRoles.ControlPlane;

    public const string Worker = Grains.Abstractions.SiloRoles.Worker;

    public static readonly IReadOnlyList<string> All = [ControlPlane, Worker];
}
