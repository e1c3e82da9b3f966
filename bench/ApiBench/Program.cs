using Actors.ApiBench;

// Kubernetes API benchmark against a running `actors server` (bench/api.sh starts it and cleans up).
// Usage: ApiBench DATA_DIR [--smoke]
var dataDirectory = args[0];
var smoke = args.Contains("--smoke");
var phase = TimeSpan.FromSeconds(smoke ? 2 : 10);
var podCount = smoke ? 100 : 1000;
var watchers = smoke ? 100 : 1000;

using var kube = await KubeClient.ConnectAsync(dataDirectory, TimeSpan.FromSeconds(60));
foreach (var ns in new[] { "bench-get", "bench-create", "bench-patch", "bench-list", "bench-watch" })
{
    await kube.SendAsync(HttpMethod.Post, "api/v1/namespaces", Json.Namespace(ns));
}
await kube.SendAsync(HttpMethod.Post, "api/v1/namespaces/bench-get/pods", Json.Pod("one"));
await kube.SendAsync(HttpMethod.Post, "api/v1/namespaces/bench-patch/configmaps", Json.ConfigMap("patched"));
await Parallel.ForAsync(0, podCount, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
    await kube.SendAsync(HttpMethod.Post, "api/v1/namespaces/bench-list/pods", Json.Pod($"pod-{i}")));
// Warm-up: connections, TLS and the server's first-call paths stay out of the figures.
for (var i = 0; i < 20; i++)
{
    await kube.SendAsync(HttpMethod.Get, "api/v1/namespaces/bench-get/pods/one");
}

var rows = new List<PhaseResult>
{
    await OpenLoop.RunAsync("GET pod", 500, phase, _ => kube.SendAsync(HttpMethod.Get, "api/v1/namespaces/bench-get/pods/one"))
        with { TargetP99 = 10 },
    await OpenLoop.RunAsync("CREATE ConfigMap", 100, phase, i => kube.SendAsync(HttpMethod.Post, "api/v1/namespaces/bench-create/configmaps", Json.ConfigMap($"cm-{i}")))
        with { TargetP99 = 50 },
    await OpenLoop.RunAsync("PATCH ConfigMap (merge patch)", 100, phase, i =>
        kube.SendAsync(HttpMethod.Patch, "api/v1/namespaces/bench-patch/configmaps/patched", Json.DataPatch(i), "application/merge-patch+json")),
    await OpenLoop.RunAsync($"LIST {podCount} pods", 5, phase, _ => kube.SendAsync(HttpMethod.Get, "api/v1/namespaces/bench-list/pods")),
};
var (writes, delivery) = await new WatchFanOut(kube, "bench-watch", watchers, 20, phase).RunAsync();
rows.Add(writes);
rows.Add(delivery with { TargetP99 = 100 });
Table.Print(rows, smoke, phase);
Console.WriteLine($"All {watchers} watchers use the admin token (one identity; `--token-auth-file` would give each its own).");
return rows.Any(r => r.Failed > 0) ? 1 : 0;
