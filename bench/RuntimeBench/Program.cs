using System.Diagnostics;
using Actors;
using Actors.Bench;
using Actors.Storage;
using Microsoft.Extensions.DependencyInjection;

// Runtime benchmark: local and cross-silo call throughput and latency (echo grain), activations per second,
// bytes per idle activation. Usage: RuntimeBench [--smoke] [--postgres CONNECTION]  (--smoke: a few seconds, for CI;
// cross-silo calls need PostgreSQL for membership and are skipped without it).
var smoke = args.Contains("--smoke");
var postgresIndex = Array.IndexOf(args, "--postgres");
var postgres = postgresIndex >= 0 && postgresIndex + 1 < args.Length ? args[postgresIndex + 1] : null;
var calls = smoke ? 20_000 : 400_000;
var idleGrains = smoke ? 10_000 : 100_000;

using (var host = BenchSilos.Single())
{
    await host.StartAsync();
    var factory = host.Services.GetRequiredService<IGrainFactory>();
    var echo = factory.GetGrain<IEchoGrain>("warm");
    await Measurements.RunAsync(10_000, 64, _ => echo.EchoAsync("x"));

    var oneGrain = await Measurements.RunAsync(calls, 256, _ => echo.EchoAsync("hello"));
    Report("local calls, one grain", oneGrain);

    var spread = Enumerable.Range(0, 1000).Select(i => factory.GetGrain<IEchoGrain>("spread-" + i)).ToArray();
    await Task.WhenAll(spread.Select(g => g.EchoAsync("warm")));
    Report("local calls, 1,000 grains", await Measurements.RunAsync(calls, 256, i => spread[i % spread.Length].EchoAsync("hello")));

    var before = GC.GetTotalMemory(forceFullCollection: true);
    var stopwatch = Stopwatch.StartNew();
    await Measurements.RunAsync(idleGrains, 256, i => factory.GetGrain<IEchoGrain>("idle-" + i).EchoAsync("x"));
    var activationSeconds = stopwatch.Elapsed.TotalSeconds;
    var after = GC.GetTotalMemory(forceFullCollection: true);
    Console.WriteLine($"activations:                 {idleGrains / activationSeconds,10:N0} activations/s");
    Console.WriteLine($"memory per idle activation:  {(after - before) / (double)idleGrains,10:N0} bytes ({idleGrains:N0} grains)");
    await host.StopAsync();
}

if (postgres is null)
{
    Console.WriteLine("cross-silo calls:            skipped (pass --postgres CONNECTION)");
    return;
}

await using var database = Database.ForPostgres(postgres);
var stores = await BenchSilos.FreshStoresAsync(database);
using var server = BenchSilos.Clustered(stores, BenchSilos.ServerRole);
await server.StartAsync();
using var client = BenchSilos.Clustered(stores, BenchSilos.ClientRole);
await client.StartAsync();
var remote = client.Services.GetRequiredService<IGrainFactory>();
var targets = Enumerable.Range(0, 100).Select(i => remote.GetGrain<IEchoGrain>("remote-" + i)).ToArray();
await Task.WhenAll(targets.Select(g => g.EchoAsync("warm")));
await Measurements.RunAsync(10_000, 256, i => targets[i % targets.Length].EchoAsync("x"));
Report("cross-silo calls, 100 grains", await Measurements.RunAsync(calls / 2, 512, i => targets[i % targets.Length].EchoAsync("hello")));
await client.StopAsync();
await server.StopAsync();

static void Report(string name, (double PerSecond, double P50Ms, double P99Ms) result) =>
    Console.WriteLine($"{name + ":",-29}{result.PerSecond,10:N0} calls/s  p50 {result.P50Ms:F3} ms  p99 {result.P99Ms:F3} ms");
