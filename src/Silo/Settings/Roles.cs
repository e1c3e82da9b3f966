namespace Actors.Silo.Settings;

/// <summary>The roles a silo can have; placement puts each grain type only on silos with its role.</summary>
public static class Roles
{
    public const string ControlPlane = "control-plane";

    public const string Worker = "worker";

    public static readonly IReadOnlyList<string> All = [ControlPlane, Worker];
}
