namespace Actors.Runtime.Tests.Sql;

[Trait("Category", "Postgres")]
public sealed class PostgresReminderTableTests(PostgresBackend backend) : ReminderTableConformanceTests(backend), IClassFixture<PostgresBackend>;
