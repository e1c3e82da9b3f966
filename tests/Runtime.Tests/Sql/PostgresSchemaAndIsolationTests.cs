namespace Actors.Runtime.Tests.Sql;

[Trait("Category", "Postgres")]
public sealed class PostgresSchemaAndIsolationTests(PostgresBackend backend) : SqlSchemaAndIsolationTests(backend), IClassFixture<PostgresBackend>;
