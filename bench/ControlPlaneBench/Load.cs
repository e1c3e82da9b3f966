namespace Actors.ControlPlaneBench;

/// <summary>The one-minute load average: the machine's cores are shared, so every figure is printed with it.</summary>
internal static class Load
{
    public static string Average() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
