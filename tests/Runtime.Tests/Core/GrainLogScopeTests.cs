using Actors.Runtime.Tests.TestGrains;
using Actors.TestSupport;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Tests.Core;

/// <summary>Every line a grain logs, in any kind of turn and after any await, names that grain and only it.</summary>
[Trait("Category", "Unit")]
public sealed class GrainLogScopeTests
{
    [Fact]
    public async Task Every_line_a_grain_logs_carries_its_grain_id_and_not_its_callers()
    {
        var logs = new CapturingLoggerProvider();
        await using var silo = await TestSiloHost.StartAsync(logging: l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        var a = silo.GrainFactory.GetGrain<ILoggingGrain>("a");

        await a.LogAsync("direct");
        await a.CallAsync("b", "chained");
        await a.TickOnceAsync("ticked");
        await Eventually.WaitAsync("the timer's line", () => logs.Lines.Any(l => l.Message == "ticked"), TimeSpan.FromSeconds(10));

        var grainLines = logs.Lines.Where(l => l.Category == typeof(LoggingGrain).FullName).ToArray();
        Assert.Equal(
            [
                ("activated", "logging/a"), ("direct", "logging/a"), ("direct after await", "logging/a"),
                ("chained calling", "logging/a"), ("activated", "logging/b"), ("chained", "logging/b"),
                ("chained after await", "logging/b"), ("chained called", "logging/a"), ("ticked", "logging/a"),
            ],
            grainLines.Select(l => (l.Message, Assert.Single(l.GrainIds))));
        // Outside any turn there is no grain scope.
        Assert.Contains(logs.Lines, l => l.Category != typeof(LoggingGrain).FullName && l.GrainIds.Count == 0);
    }
}
