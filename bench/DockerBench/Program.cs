using Actors.DockerBench;
using Actors.NodeAgent.Docker;

// The Docker benchmark's driver: bench/docker.sh starts `actors up` and the swarm, this measures, the script cleans up.
// Each row runs the three columns one after the other, so a machine whose load changes treats them alike.
// Usage: DockerBench --image TAG --updated-image TAG --image-id ID --kubeconfig FILE --node NAME [--smoke]
string Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? throw new ArgumentException($"{name} is required");
var scenario = new Scenario(args.Contains("--smoke"), Option("--image"), Option("--updated-image"), Option("--image-id"));
using var docker = new DockerClient();
using var engine = new EngineApi();
using var kube = new KubeApi(Option("--kubeconfig"));
var raw = new RawColumn(docker, scenario);
var actors = new ActorsColumn(kube, docker, Option("--node"), scenario);
IColumn[] columns = [raw, new SwarmColumn(engine, docker, scenario), actors];
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
    if (column == actors)
    {
        var (sandboxes, containers, pods) = actors.LastEngineCount;
        results.Note(Rows.Sandboxes, $"Actors ran {sandboxes} sandbox + {containers} app containers for {pods} pods ({(sandboxes + containers) / (double)pods:0.#} per pod); Swarm and raw 1");
    }
}
if (!scenario.Smoke)
{
    results.Add(raw.Name, Rows.Sequential(scenario.Replicas), [await raw.CreateInOrderAsync("sequential", scenario.Replicas)]);
    results.Add(raw.Name, Rows.PodShaped(scenario.Replicas), [await raw.CreatePodShapedAsync("pods", scenario.Replicas)]);
    foreach (var column in columns)
    {
        results.Add(column.Name, Rows.Rolling, [await column.RollingUpdateAsync("rolling")]);
    }
    foreach (var column in columns)
    {
        results.Add(column.Name, Rows.SelfHeal, await Repeat(i => column.SelfHealAsync($"heal-{i}")));
    }
}
Table.Print(results, scenario);
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
