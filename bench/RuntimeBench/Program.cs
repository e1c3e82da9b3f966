using Actors;
using System.Diagnostics;
using Actors.Bench;
using Actors.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Runtime benchmark: local call throughput and latency, activations per second, bytes per idle activation.
// Usage: RuntimeBench [--smoke]   (--smoke: a few seconds, for CI)
var smoke = args.Contains("--smoke");
var calls = smoke ? 20_000 : 400_000;
var idleGrains = smoke ? 10_000 : 100_000;

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSilo(silo => silo.AddGrain<EchoGrain>());
using var host = builder.Build();
await host.StartAsync();
var factory = host.Services.GetRequiredService<IGrainFactory>();

var echo = factory.GetGrain<IEchoGrain>("warm");
await Measurements.RunAsync(10_000, 64, _ => echo.EchoAsync("x"));

var oneGrain = await Measurements.RunAsync(calls, 256, _ => echo.EchoAsync("hello"));
Console.WriteLine($"local calls, one grain:      {oneGrain.PerSecond,10:N0} calls/s  p50 {oneGrain.P50Ms:F3} ms  p99 {oneGrain.P99Ms:F3} ms");

var spread = Enumerable.Range(0, 1000).Select(i => factory.GetGrain<IEchoGrain>("spread-" + i)).ToArray();
await Task.WhenAll(spread.Select(g => g.EchoAsync("warm")));
var manyGrains = await Measurements.RunAsync(calls, 256, i => spread[i % spread.Length].EchoAsync("hello"));
Console.WriteLine($"local calls, 1,000 grains:   {manyGrains.PerSecond,10:N0} calls/s  p50 {manyGrains.P50Ms:F3} ms  p99 {manyGrains.P99Ms:F3} ms");

GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
var before = GC.GetTotalMemory(forceFullCollection: true);
var stopwatch = Stopwatch.StartNew();
var activations = await Measurements.RunAsync(idleGrains, 256, i => factory.GetGrain<IEchoGrain>("idle-" + i).EchoAsync("x"));
var activationSeconds = stopwatch.Elapsed.TotalSeconds;
var after = GC.GetTotalMemory(forceFullCollection: true);
Console.WriteLine($"activations:                 {idleGrains / activationSeconds,10:N0} activations/s");
Console.WriteLine($"memory per idle activation:  {(after - before) / (double)idleGrains,10:N0} bytes ({idleGrains:N0} grains)");

await host.StopAsync();
