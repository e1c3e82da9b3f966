using Actors.ControlPlaneBench;

// Control-plane benchmark with hollow nodes: SQLite with one silo, or PostgreSQL with two silos in this process.
// Usage: ControlPlaneBench [--postgres CONNECTION] [NODES DEPLOYMENTS REPLICAS]   (default 100 10 100; env ACTORS_BENCH_POSTGRES)
var arguments = BenchArguments.Parse(args, Environment.GetEnvironmentVariable(BenchArguments.PostgresVariable));
var loadBefore = Load.Average();
var cluster = arguments.Postgres is { } postgres
    ? await BenchCluster.StartPostgresAsync(postgres, silos: 2)
    : await BenchCluster.StartSqliteAsync();
BenchResult result;
try
{
    result = await Measurement.RunAsync(cluster, arguments, loadBefore);
}
finally
{
    // Before the report, so that the silos' shutdown messages do not follow it.
    await cluster.DisposeAsync();
}
Report.Print(result);
