using Actors.Runtime;

namespace Actors.Gateway.Health;

/// <summary>Which checks each endpoint runs, decided from the silo's status and whether the host is stopping.</summary>
public static class HealthChecks
{
    public const string Healthz = "healthz";
    public const string Livez = "livez";
    public const string Readyz = "readyz";

    public static IReadOnlyList<string> Endpoints { get; } = [Healthz, Livez, Readyz];

    /// <summary>
    /// Liveness fails only when restarting would help (the silo is dead); readiness also fails while the silo
    /// is joining or leaving and while the host shuts down, so a load balancer stops sending requests.
    /// </summary>
    public static IReadOnlyList<HealthCheck> Evaluate(string endpoint, SiloStatus? silo, bool shuttingDown)
    {
        var checks = new List<HealthCheck> { HealthCheck.Ok("ping") };
        var ready = endpoint == Readyz;
        if (silo is { } status)
        {
            checks.Add(ready
                ? status == SiloStatus.Active ? HealthCheck.Ok("silo") : HealthCheck.Failed("silo", $"the silo is {status}, not Active")
                : status is SiloStatus.Dead or SiloStatus.None ? HealthCheck.Failed("silo", $"the silo is {status}") : HealthCheck.Ok("silo"));
        }
        if (ready)
        {
            checks.Add(shuttingDown ? HealthCheck.Failed("shutdown", "the process is shutting down") : HealthCheck.Ok("shutdown"));
        }
        return checks;
    }
}
