namespace Actors.Runtime.Tests.Sql;

[Trait("Category", "Unit")]
public sealed class SqliteSchemaAndIsolationTests(SqliteBackend backend) : SqlSchemaAndIsolationTests(backend), IClassFixture<SqliteBackend>;
