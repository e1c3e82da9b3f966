namespace Actors.Runtime.Tests.Sql;

[Trait("Category", "Unit")]
public sealed class SqliteMembershipTableTests(SqliteBackend backend) : MembershipTableConformanceTests(backend), IClassFixture<SqliteBackend>;
