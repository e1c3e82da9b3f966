namespace Actors.Runtime.Tests.Sql;

[Trait("Category", "Postgres")]
public sealed class PostgresGrainStorageTests(PostgresBackend backend) : GrainStorageConformanceTests(backend), IClassFixture<PostgresBackend>;
