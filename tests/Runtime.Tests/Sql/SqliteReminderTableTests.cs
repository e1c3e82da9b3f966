namespace Actors.Runtime.Tests.Sql;

[Trait("Category", "Unit")]
public sealed class SqliteReminderTableTests(SqliteBackend backend) : ReminderTableConformanceTests(backend), IClassFixture<SqliteBackend>;
