namespace Actors.Runtime.Tests.Sql;

[Trait("Category", "Postgres")]
public sealed class PostgresMembershipTableTests(PostgresBackend backend) : MembershipTableConformanceTests(backend), IClassFixture<PostgresBackend>;
