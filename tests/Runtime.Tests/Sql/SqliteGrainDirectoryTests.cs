namespace Actors.Runtime.Tests.Sql;

[Trait("Category", "Unit")]
public sealed class SqliteGrainDirectoryTests(SqliteBackend backend) : GrainDirectoryConformanceTests(backend), IClassFixture<SqliteBackend>;
