namespace Actors.Runtime;

/// <summary>Orleans' silo states, with the same numeric values as its membership table.</summary>
public enum SiloStatus
{
    None = 0,
    Created = 1,
    Joining = 2,
    Active = 3,
    ShuttingDown = 4,
    Stopping = 5,
    Dead = 6,
}

public static class SiloStatusExtensions
{
    public static bool IsTerminating(this SiloStatus status) =>
        status is SiloStatus.ShuttingDown or SiloStatus.Stopping or SiloStatus.Dead;
}
