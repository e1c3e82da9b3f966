using Actors.Runtime.Management;

namespace Actors.Gateway.Dashboard;

/// <summary>The dashboard's arithmetic: cumulative counters in, per-second rates out. No I/O, no clock.</summary>
public static class DashboardRates
{
    /// <summary>Sums the per-method statistics of each grain type and joins the activation and timer counts.</summary>
    public static IReadOnlyList<GrainCounters> Counters(IReadOnlyList<GrainTypeInfo> grainTypes, IReadOnlyList<MethodStatisticsInfo> methods)
    {
        var byType = methods.GroupBy(m => m.GrainType, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var types = grainTypes.ToDictionary(t => t.GrainType, StringComparer.Ordinal);
        return types.Keys.Union(byType.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(type =>
            {
                var info = types.GetValueOrDefault(type);
                var calls = byType.GetValueOrDefault(type) ?? [];
                return new GrainCounters(
                    type,
                    info?.Activations ?? 0,
                    calls.Sum(m => m.Calls),
                    calls.Sum(m => m.Errors),
                    calls.Sum(m => m.AverageMilliseconds * m.Calls),
                    calls.Length == 0 ? 0 : calls.Max(m => m.P99Milliseconds),
                    info?.TimerTicks ?? 0);
            })
            .ToArray();
    }

    /// <summary>Rates between two samples; a type absent from <paramref name="previous"/> counts from zero.</summary>
    public static IReadOnlyList<GrainTypeRates> Rates(IReadOnlyList<GrainCounters> previous, IReadOnlyList<GrainCounters> current, TimeSpan elapsed, string silo)
    {
        var before = previous.ToDictionary(c => c.GrainType, StringComparer.Ordinal);
        var seconds = elapsed.TotalSeconds;
        return current.Select(now =>
        {
            var then = before.GetValueOrDefault(now.GrainType);
            var calls = Delta(now.Calls, then?.Calls);
            var elapsedMs = calls == 0 ? 0 : DeltaDouble(now.TotalElapsedMs, then?.TotalElapsedMs, now.Calls < (then?.Calls ?? 0));
            return new GrainTypeRates(
                now.GrainType,
                silo,
                now.Activations,
                PerSecond(calls, seconds),
                PerSecond(Delta(now.Errors, then?.Errors), seconds),
                calls == 0 ? 0 : elapsedMs / calls,
                now.P99Ms,
                PerSecond(Delta(now.TimerTicks, then?.TimerTicks), seconds),
                now.Calls,
                now.Errors,
                now.TimerTicks);
        }).ToArray();
    }

    /// <summary>
    /// One row per (grain type, method) from the rows of several silos: calls and errors summed, the average
    /// weighted by calls, the p99 the worst silo's (a cluster p99 cannot be rebuilt from per-silo ones).
    /// </summary>
    public static IReadOnlyList<MethodStatisticsInfo> MergeMethods(IEnumerable<MethodStatisticsInfo> methods) =>
        methods.GroupBy(m => (m.GrainType, m.Method))
            .Select(g =>
            {
                var calls = g.Sum(m => m.Calls);
                return new MethodStatisticsInfo(g.Key.GrainType, g.Key.Method, calls, g.Sum(m => m.Errors),
                    calls == 0 ? 0 : g.Sum(m => m.AverageMilliseconds * m.Calls) / calls, g.Max(m => m.P99Milliseconds));
            })
            .OrderBy(m => m.GrainType, StringComparer.Ordinal).ThenBy(m => m.Method, StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// Rates of every silo's rows, ordered by grain type then silo. A silo absent from <paramref name="previous"/>
    /// (the first sample, or one that just joined) shows zero rates rather than its totals since start.
    /// </summary>
    public static IReadOnlyList<GrainTypeRates> ClusterRates(
        IReadOnlyDictionary<string, IReadOnlyList<GrainCounters>> previous,
        IReadOnlyDictionary<string, IReadOnlyList<GrainCounters>> current,
        TimeSpan elapsed) =>
        current.SelectMany(silo => Rates(previous.GetValueOrDefault(silo.Key) ?? silo.Value, silo.Value, elapsed, silo.Key))
            .OrderBy(r => r.GrainType, StringComparer.Ordinal).ThenBy(r => r.Silo, StringComparer.Ordinal)
            .ToArray();

    /// <summary>One grain type across silos: sums, with the call-weighted average and the worst p99; null without rows.</summary>
    public static GrainTypeRates? Combine(IReadOnlyList<GrainTypeRates> rows)
    {
        if (rows.Count <= 1)
        {
            return rows.Count == 0 ? null : rows[0];
        }
        var calls = rows.Sum(r => r.CallsPerSecond);
        return new GrainTypeRates(
            rows[0].GrainType,
            ClusterSilo,
            rows.Sum(r => r.Activations),
            calls,
            rows.Sum(r => r.ExceptionsPerSecond),
            calls == 0 ? 0 : rows.Sum(r => r.AverageMs * r.CallsPerSecond) / calls,
            rows.Max(r => r.P99Ms),
            rows.Sum(r => r.TimerTicksPerSecond),
            rows.Sum(r => r.Calls),
            rows.Sum(r => r.Errors),
            rows.Sum(r => r.TimerTicks));
    }

    /// <summary>The <see cref="GrainTypeRates.Silo"/> of a row that adds up several silos.</summary>
    public const string ClusterSilo = "*";

    /// <summary>Calls, latency and errors leaders, each at most <paramref name="top"/> long.</summary>
    public static TopMethods Top(IReadOnlyList<MethodStatisticsInfo> previous, IReadOnlyList<MethodStatisticsInfo> current, TimeSpan elapsed, int top)
    {
        var before = previous.ToDictionary(m => (m.GrainType, m.Method));
        var seconds = elapsed.TotalSeconds;
        var views = current.Select(m =>
        {
            var then = before.GetValueOrDefault((m.GrainType, m.Method));
            return new MethodView(m.GrainType, m.Method, m.Calls, m.Errors, m.AverageMilliseconds, m.P99Milliseconds,
                PerSecond(Delta(m.Calls, then?.Calls), seconds), PerSecond(Delta(m.Errors, then?.Errors), seconds));
        }).ToArray();
        return new TopMethods(
            views.OrderByDescending(v => v.Calls).ThenBy(v => v.GrainType, StringComparer.Ordinal).ThenBy(v => v.Method, StringComparer.Ordinal).Take(top).ToArray(),
            views.Where(v => v.Calls > 0).OrderByDescending(v => v.AverageMs).ThenBy(v => v.GrainType, StringComparer.Ordinal).ThenBy(v => v.Method, StringComparer.Ordinal).Take(top).ToArray(),
            views.Where(v => v.Errors > 0).OrderByDescending(v => v.Errors).ThenBy(v => v.GrainType, StringComparer.Ordinal).ThenBy(v => v.Method, StringComparer.Ordinal).Take(top).ToArray());
    }

    /// <summary>Status changes between two polls of the membership; the first poll reports every silo.</summary>
    public static IReadOnlyList<MembershipChange> MembershipChanges(IReadOnlyList<SiloInfo> previous, IReadOnlyList<SiloInfo> current, DateTimeOffset now)
    {
        var before = previous.ToDictionary(s => s.Address, StringComparer.Ordinal);
        var seen = current.Select(s => s.Address).ToHashSet(StringComparer.Ordinal);
        var changed = current
            .Where(s => !before.TryGetValue(s.Address, out var then) || then.Status != s.Status)
            .Select(s => new MembershipChange(now, s.Address, s.Name, before.GetValueOrDefault(s.Address)?.Status.ToString(), s.Status.ToString()));
        var removed = previous
            .Where(s => !seen.Contains(s.Address))
            .Select(s => new MembershipChange(now, s.Address, s.Name, s.Status.ToString(), "Removed"));
        return changed.Concat(removed).OrderBy(c => c.Address, StringComparer.Ordinal).ToArray();
    }

    /// <summary>A counter that went down was reset (silo restart): as Prometheus' rate does, count from zero.</summary>
    private static long Delta(long now, long? then) => then is { } value && now >= value ? now - value : now;

    private static double DeltaDouble(double now, double? then, bool reset) => reset || then is null ? now : Math.Max(0, now - then.Value);

    private static double PerSecond(long delta, double seconds) => seconds <= 0 ? 0 : delta / seconds;
}
