namespace Actors.ControlPlaneBench;

/// <summary>
/// What to run: the scale (NODES DEPLOYMENTS REPLICAS, default 100 10 100) and, with <c>--postgres CONNECTION</c>
/// or <c>ACTORS_BENCH_POSTGRES</c>, two silos on PostgreSQL instead of one on SQLite.
/// </summary>
internal sealed record BenchArguments(int Nodes, int Deployments, int Replicas, string? Postgres)
{
    public const string PostgresVariable = "ACTORS_BENCH_POSTGRES";

    public int Pods => Deployments * Replicas;

    public static BenchArguments Parse(string[] args, string? postgresFromEnvironment)
    {
        var postgres = string.IsNullOrEmpty(postgresFromEnvironment) ? null : postgresFromEnvironment;
        var numbers = new List<int>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--postgres")
            {
                postgres = i + 1 < args.Length ? args[++i] : throw new ArgumentException("--postgres needs a connection string");
            }
            else
            {
                numbers.Add(int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        int At(int index, int otherwise) => index < numbers.Count ? numbers[index] : otherwise;
        return new BenchArguments(At(0, 100), At(1, 10), At(2, 100), postgres);
    }
}
