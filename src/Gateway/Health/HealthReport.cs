using System.Text;

namespace Actors.Gateway.Health;

/// <summary>Renders checks the way Kubernetes' API server answers /healthz, /livez and /readyz.</summary>
public static class HealthReport
{
    /// <summary>
    /// Healthy: 200 with <c>ok</c>, or with one line per check and "<c>{endpoint} check passed</c>" when verbose.
    /// Unhealthy: 500 with every check listed, failures as "<c>[-]name failed: reason withheld</c>".
    /// Excluded checks count as passed, as <c>?exclude=name</c> does in Kubernetes.
    /// </summary>
    public static HealthResponse Render(string endpoint, IReadOnlyList<HealthCheck> checks, bool verbose, IReadOnlyCollection<string> excluded)
    {
        var lines = new StringBuilder();
        var failed = false;
        var unmatched = new HashSet<string>(excluded, StringComparer.Ordinal);
        foreach (var check in checks)
        {
            if (unmatched.Remove(check.Name))
            {
                lines.Append("[+]").Append(check.Name).Append(" excluded: ok\n");
            }
            else if (check.Healthy)
            {
                lines.Append("[+]").Append(check.Name).Append(" ok\n");
            }
            else
            {
                failed = true;
                lines.Append("[-]").Append(check.Name).Append(" failed: reason withheld\n");
            }
        }
        if (unmatched.Count > 0)
        {
            lines.Append("warn: some health checks cannot be excluded: no matches for ")
                .Append(string.Join(",", unmatched.Order(StringComparer.Ordinal).Select(n => $"\"{n}\""))).Append('\n');
        }
        if (failed)
        {
            return new HealthResponse(500, $"{lines}{endpoint} check failed\n");
        }
        return verbose ? new HealthResponse(200, $"{lines}{endpoint} check passed\n") : new HealthResponse(200, "ok");
    }

    /// <summary>One check alone (<c>/readyz/silo</c>): unlike the aggregate, it tells why it failed.</summary>
    public static HealthResponse RenderSingle(HealthCheck? check, string name) => check switch
    {
        null => new HealthResponse(404, $"no health check named \"{name}\"\n"),
        { Healthy: true } => new HealthResponse(200, "ok"),
        _ => new HealthResponse(500, $"internal server error: {check.Reason}\n"),
    };
}
