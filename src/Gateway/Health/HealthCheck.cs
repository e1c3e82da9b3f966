namespace Actors.Gateway.Health;

/// <summary>One named check's outcome; the reason is logged, never shown on the aggregate endpoints.</summary>
public sealed record HealthCheck(string Name, bool Healthy, string? Reason = null)
{
    public static HealthCheck Ok(string name) => new(name, true);

    public static HealthCheck Failed(string name, string reason) => new(name, false, reason);
}
