using System.Data.Common;
using System.Globalization;
using Actors.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Actors.Runtime.Sql;

/// <summary>
/// Everything that differs between PostgreSQL and SQLite, kept here so the stores share one SQL text:
/// column types in the schema, how times are bound and read, and how a unique violation is recognised.
/// </summary>
internal sealed class SqlDialect
{
    // SQLite has no time type; a fixed-width UTC text keeps ordering and comparisons correct.
    private const string SqliteTimeFormat = "yyyy-MM-dd HH:mm:ss.fff";

    private SqlDialect(DatabaseProvider provider)
    {
        Provider = provider;
    }

    public static SqlDialect PostgreSql { get; } = new(DatabaseProvider.PostgreSql);

    public static SqlDialect Sqlite { get; } = new(DatabaseProvider.Sqlite);

    public DatabaseProvider Provider { get; }

    public static SqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.PostgreSql => PostgreSql,
        DatabaseProvider.Sqlite => Sqlite,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    /// <summary>Replaces the type placeholders of the shared schema with this dialect's types.</summary>
    public string Ddl(string sql) => Provider == DatabaseProvider.PostgreSql
        ? sql.Replace("{Blob}", "bytea", StringComparison.Ordinal).Replace("{Time}", "timestamptz(3)", StringComparison.Ordinal)
        : sql.Replace("{Blob}", "BLOB", StringComparison.Ordinal).Replace("{Time}", "TEXT", StringComparison.Ordinal);

    /// <summary>Times are kept to the millisecond (Orleans' timestamptz(3)), truncated so both backends agree.</summary>
    public object TimeValue(DateTimeOffset value)
    {
        var utc = Truncate(value).UtcDateTime;
        return Provider == DatabaseProvider.PostgreSql
            ? utc
            : utc.ToString(SqliteTimeFormat, CultureInfo.InvariantCulture);
    }

    public DateTimeOffset ReadTime(DbDataReader reader, int ordinal)
    {
        if (Provider == DatabaseProvider.PostgreSql)
        {
            return new DateTimeOffset(DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(ordinal), DateTimeKind.Utc));
        }
        var text = reader.GetString(ordinal);
        return DateTimeOffset.ParseExact(
            text, SqliteTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }

    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        // SQLITE_CONSTRAINT_PRIMARYKEY (1555) or SQLITE_CONSTRAINT_UNIQUE (2067).
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 1555 or 2067,
        _ => false,
    };
}
