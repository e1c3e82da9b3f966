namespace Actors.Runtime.Tests.Sql;

[Trait("Category", "Unit")]
public sealed class SqliteGrainStorageTests(SqliteBackend backend) : GrainStorageConformanceTests(backend), IClassFixture<SqliteBackend>;
