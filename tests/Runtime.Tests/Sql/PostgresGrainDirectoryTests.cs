namespace Actors.Runtime.Tests.Sql;

[Trait("Category", "Postgres")]
public sealed class PostgresGrainDirectoryTests(PostgresBackend backend) : GrainDirectoryConformanceTests(backend), IClassFixture<PostgresBackend>;
