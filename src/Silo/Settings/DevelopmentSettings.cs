using System.Reflection;
using Actors.Runtime.Hosting;

namespace Actors.Silo.Settings;

/// <summary>
/// Settings for test clusters, from environment variables only (they are not for production):
/// <c>ACTORS_MEMBERSHIP_PROFILE=test</c> detects dead silos in seconds (probe 2 s × 3, table refresh 2 s);
/// <c>ACTORS_GRAIN_ASSEMBLIES</c> (paths separated by ';') loads extra grain classes, such as a test suite's.
/// </summary>
public static class DevelopmentSettings
{
    /// <summary>Seconds instead of minutes everywhere: membership, reminders, node agents and node lifecycle.</summary>
    public static bool IsTestProfile => Environment.GetEnvironmentVariable("ACTORS_MEMBERSHIP_PROFILE") == "test";

    public static void Apply(SiloBuilder silo)
    {
        if (IsTestProfile)
        {
            silo.Options.Membership = MembershipOptions.TestProfile();
            silo.Options.ResponseTimeout = TimeSpan.FromSeconds(10);
            silo.Options.Reminders.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
            silo.Options.Reminders.RefreshReminderListPeriod = TimeSpan.FromSeconds(2);
        }
        var assemblies = Environment.GetEnvironmentVariable("ACTORS_GRAIN_ASSEMBLIES");
        if (string.IsNullOrWhiteSpace(assemblies))
        {
            return;
        }
        foreach (var path in assemblies.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            silo.AddGrains(Assembly.LoadFrom(path));
        }
    }
}
