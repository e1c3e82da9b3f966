using Actors.DockerBench;
using Actors.NodeAgent.Docker;

// The Docker benchmark's driver: bench/docker.sh starts two `actors up` nodes (one with a warm sandbox pool, one
// without) and the swarm, this measures, the script cleans up. Each row runs the columns one after the other, so a
// machine whose load changes treats them alike.
// Usage: DockerBench --image TAG --updated-image TAG --image-id ID --pool-size N
//   --kubeconfig FILE --node NAME --kubeconfig-no-pool FILE --node-no-pool NAME [--smoke]
string Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? throw new ArgumentException($"{name} is required");
var scenario = new Scenario(args.Contains("--smoke"), Option("--image"), Option("--updated-image"), Option("--image-id"));
using var docker = new DockerClient();
using var engine = new EngineApi();
using var kube = new KubeApi(Option("--kubeconfig"));
using var kubeNoPool = new KubeApi(Option("--kubeconfig-no-pool"));
var raw = new RawColumn(docker, scenario);
var pooled = new ActorsColumn(kube, docker, Option("--node"), int.Parse(Option("--pool-size"), System.Globalization.CultureInfo.InvariantCulture), scenario);
var unpooled = new ActorsColumn(kubeNoPool, docker, Option("--node-no-pool"), 0, scenario);
ActorsColumn[] actorsColumns = [pooled, unpooled];
IColumn[] columns = [raw, new SwarmColumn(engine, docker, scenario), .. actorsColumns];
var results = new Results();

// One untimed replica each first: clients connected, code paths warm, in the driver and in the orchestrators.
foreach (var column in columns)
{
    await column.CreateAsync("warm-up", 1);
}
foreach (var column in columns)
{
    results.Add(column.Name, Rows.One, await Repeat(i => column.CreateAsync($"one-{i}", 1)));
}
foreach (var column in columns)
{
    results.Add(column.Name, Rows.Many(scenario.Replicas), [await column.CreateAsync("many", scenario.Replicas)]);
}
results.Note(Rows.Sandboxes, string.Join("; ", actorsColumns.Select(a =>
    $"{a.Name}: {a.LastEngineCount.Sandboxes} sandbox + {a.LastEngineCount.Containers} app for {a.LastEngineCount.Pods} pods")) + "; Swarm and raw 1 per replica");
if (!scenario.Smoke)
{
    results.Add(raw.Name, Rows.Sequential(scenario.Replicas), [await raw.CreateInOrderAsync("sequential", scenario.Replicas)]);
    results.Add(raw.Name, Rows.PodShaped(scenario.Replicas), [await raw.CreatePodShapedAsync("pods", scenario.Replicas)]);
    foreach (var column in columns)
    {
        results.Add(column.Name, Rows.Rolling, await Repeat(i => column.RollingUpdateAsync($"rolling-{i}")));
    }
    foreach (var column in columns)
    {
        results.Add(column.Name, Rows.SelfHeal, await Repeat(i => column.SelfHealAsync($"heal-{i}")));
    }
}
Table.Print(results, scenario, [.. actorsColumns.Select(a => a.Name)]);
return 0;

async Task<IReadOnlyList<TimeSpan>> Repeat(Func<int, Task<TimeSpan>> measure)
{
    var times = new List<TimeSpan>();
    for (var i = 0; i < scenario.Repetitions; i++)
    {
        times.Add(await measure(i));
    }
    return times;
}
