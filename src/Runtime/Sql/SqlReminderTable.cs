using System.Data.Common;
using System.Globalization;
using Actors.Runtime.Reminders;
using Actors.Storage;

namespace Actors.Runtime.Sql;

/// <summary>
/// Orleans' ADO.NET reminder table, rows keyed by (cluster, grain, reminder name), ETag = row version.
/// GrainHash holds the unsigned ring position in a bigint: stored as Orleans' signed integer, positions at or
/// above 2^31 would sort before the others and a range read would compare in the wrong order.
/// </summary>
public sealed class SqlReminderTable : IReminderTable
{
    private const int GrainIdLength = 2404;
    private const int NameLength = 150;

    private const string Columns = "GrainId, ReminderName, StartTime, Period, Version";

    private const string ReadGrainSql = $"SELECT {Columns} FROM OrleansRemindersTable WHERE ServiceId = @serviceId AND GrainId = @grainId";

    private const string ReadRowSql = $"""
        SELECT {Columns} FROM OrleansRemindersTable
        WHERE ServiceId = @serviceId AND GrainId = @grainId AND ReminderName = @reminderName
        """;

    private const string ReadRangeSql = $"""
        SELECT {Columns} FROM OrleansRemindersTable
        WHERE ServiceId = @serviceId AND GrainHash > @begin AND GrainHash <= @end
        """;

    private const string ReadWrappedRangeSql = $"""
        SELECT {Columns} FROM OrleansRemindersTable
        WHERE ServiceId = @serviceId AND (GrainHash > @begin OR GrainHash <= @end)
        """;

    private const string UpsertSql = """
        INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
        VALUES (@serviceId, @grainId, @reminderName, @startTime, @period, @grainHash, 0)
        ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
            SET StartTime = excluded.StartTime, Period = excluded.Period, GrainHash = excluded.GrainHash,
                Version = OrleansRemindersTable.Version + 1
        RETURNING Version
        """;

    private const string DeleteSql = """
        DELETE FROM OrleansRemindersTable
        WHERE ServiceId = @serviceId AND GrainId = @grainId AND ReminderName = @reminderName AND Version = @version
        """;

    private readonly SqlSession _session;
    private readonly string _serviceId;

    public SqlReminderTable(Database database, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(database);
        _session = new SqlSession(database);
        _serviceId = SqlArguments.ClusterId(clusterId);
    }

    /// <summary>Nothing to do: <see cref="SqlSchema"/> creates the table.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync(ReadGrainSql, [("grainId", GrainIdText(grainId))], cancellationToken);

    /// <summary>Rows in the ring range (begin, end]; <paramref name="begin"/> &gt;= <paramref name="end"/> wraps past zero (equal: the whole ring).</summary>
    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(uint begin, uint end, CancellationToken cancellationToken) =>
        QueryAsync(begin < end ? ReadRangeSql : ReadWrappedRangeSql, [("begin", (long)begin), ("end", (long)end)], cancellationToken);

    public async Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            ReadRowSql,
            [("grainId", GrainIdText(grainId)), ("reminderName", SqlArguments.Text(reminderName, nameof(reminderName), NameLength))],
            cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var grainId = GrainIdText(entry.GrainId);
        SqlArguments.Text(entry.ReminderName, nameof(entry.ReminderName), NameLength);
        if (entry.Period <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Reminder '{entry.ReminderName}' of {entry.GrainId} has period {entry.Period}; it must be positive.", nameof(entry));
        }
        var version = await _session.WriteAsync(async (connection, transaction) =>
        {
            await using var command = SqlSession.Command(
                connection,
                transaction,
                UpsertSql,
                ("serviceId", _serviceId),
                ("grainId", grainId),
                ("reminderName", entry.ReminderName),
                ("startTime", _session.Dialect.TimeValue(entry.StartAt)),
                ("period", (long)entry.Period.TotalMilliseconds),
                ("grainHash", (long)entry.GrainHash));
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }, cancellationToken);
        return version.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string etag, CancellationToken cancellationToken)
    {
        var key = GrainIdText(grainId);
        SqlArguments.Text(reminderName, nameof(reminderName), NameLength);
        ArgumentNullException.ThrowIfNull(etag);
        var version = SqlArguments.Version(etag, nameof(etag));
        var removed = await _session.WriteAsync(async (connection, transaction) =>
        {
            await using var command = SqlSession.Command(
                connection,
                transaction,
                DeleteSql,
                ("serviceId", _serviceId), ("grainId", key), ("reminderName", reminderName), ("version", version));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
        return removed > 0;
    }

    private Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, (string, object?)[] parameters, CancellationToken cancellationToken) =>
        _session.ReadAsync(async connection =>
        {
            await using var command = SqlSession.Command(connection, null, sql, [("serviceId", _serviceId), .. parameters]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<ReminderEntry>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(ReadEntry(reader));
            }
            return (IReadOnlyList<ReminderEntry>)rows;
        }, cancellationToken);

    private ReminderEntry ReadEntry(DbDataReader reader) => new(
        GrainId.Parse(reader.GetString(0)),
        reader.GetString(1),
        _session.Dialect.ReadTime(reader, 2),
        TimeSpan.FromMilliseconds(reader.GetInt64(3)),
        reader.GetInt32(4).ToString(CultureInfo.InvariantCulture));

    private static string GrainIdText(GrainId grainId)
    {
        if (string.IsNullOrEmpty(grainId.Type))
        {
            throw new ArgumentException("The grain id has no type.", nameof(grainId));
        }
        return SqlArguments.Text(grainId.ToString(), nameof(grainId), GrainIdLength);
    }
}
