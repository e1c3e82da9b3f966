using System.Data.Common;
using System.Globalization;
using System.Net;
using Actors.Runtime.Membership;
using Actors.Storage;

namespace Actors.Runtime.Sql;

/// <summary>
/// Orleans' ADO.NET membership table. The cluster's row in <c>OrleansMembershipVersionTable</c> is the one
/// serialisation point: every insert or update first advances it conditionally, in the same transaction as
/// the row write, so concurrent writers at one version cannot both succeed. A row's ETag is the table
/// version it was read at (as in Orleans, where all writers contend on the version row).
/// </summary>
public sealed class SqlMembershipTable : IMembershipTable
{
    private const string Columns =
        "m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, m.RoleName";

    private const string RowKey = "DeploymentId = @deploymentId AND Address = @address AND Port = @port AND Generation = @generation";

    // One statement is one snapshot on both backends: the version and the rows always belong together.
    private const string ReadAllSql = $"""
        SELECT v.Version, {Columns}
        FROM OrleansMembershipVersionTable v
        LEFT OUTER JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
        WHERE v.DeploymentId = @deploymentId
        """;

    private const string ReadRowSql = $"""
        SELECT v.Version, {Columns}
        FROM OrleansMembershipVersionTable v
        LEFT OUTER JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
            AND m.Address = @address AND m.Port = @port AND m.Generation = @generation
        WHERE v.DeploymentId = @deploymentId
        """;

    private const string InitializeSql = """
        INSERT INTO OrleansMembershipVersionTable (DeploymentId, Timestamp, Version)
        VALUES (@deploymentId, CURRENT_TIMESTAMP, 0)
        ON CONFLICT DO NOTHING
        """;

    private const string BumpVersionSql = """
        UPDATE OrleansMembershipVersionTable SET Version = @version, Timestamp = CURRENT_TIMESTAMP
        WHERE DeploymentId = @deploymentId AND Version = @expected
        """;

    private const string InsertSql = """
        INSERT INTO OrleansMembershipTable
            (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, SuspectTimes, StartTime, IAmAliveTime, RoleName)
        VALUES
            (@deploymentId, @address, @port, @generation, @siloName, @hostName, @status, @proxyPort, @suspectTimes, @startTime, @iAmAliveTime, @roleName)
        ON CONFLICT DO NOTHING
        """;

    private const string UpdateSql = $"""
        UPDATE OrleansMembershipTable
        SET SiloName = @siloName, HostName = @hostName, Status = @status, ProxyPort = @proxyPort, SuspectTimes = @suspectTimes,
            StartTime = @startTime, IAmAliveTime = @iAmAliveTime, RoleName = @roleName
        WHERE {RowKey}
        """;

    private const string IAmAliveSql = $"UPDATE OrleansMembershipTable SET IAmAliveTime = @iAmAliveTime WHERE {RowKey}";

    private const string CleanupSql = """
        DELETE FROM OrleansMembershipTable
        WHERE DeploymentId = @deploymentId AND Status = @dead AND IAmAliveTime < @before
        """;

    private const int TextLength = 150;

    private readonly SqlSession _session;
    private readonly string _deploymentId;

    public SqlMembershipTable(Database database, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(database);
        _session = new SqlSession(database);
        _deploymentId = SqlArguments.ClusterId(clusterId);
    }

    /// <summary>Creates the cluster's version row (version 0) if it is absent.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _session.WriteAsync(async (connection, transaction) =>
        {
            await using var command = SqlSession.Command(connection, transaction, InitializeSql, ("deploymentId", _deploymentId));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken) =>
        ReadAsync(ReadAllSql, [("deploymentId", _deploymentId)], cancellationToken);

    public Task<MembershipTableData> ReadRowAsync(SiloAddress silo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return ReadAsync(ReadRowSql, [("deploymentId", _deploymentId), .. KeyParameters(silo)], cancellationToken);
    }

    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version, CancellationToken cancellationToken)
    {
        Check(entry);
        return _session.WriteConditionallyAsync(async (connection, transaction) =>
        {
            if (!await BumpVersionAsync(connection, transaction, version, cancellationToken))
            {
                return (false, false);
            }
            await using var insert = SqlSession.Command(connection, transaction, InsertSql, RowParameters(entry));
            var inserted = await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
            return (inserted, inserted);
        }, cancellationToken);
    }

    /// <param name="etag">The ETag the row was read with: the table version of that read, so it must be <c>version.Version - 1</c>.</param>
    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version, CancellationToken cancellationToken)
    {
        Check(entry);
        ArgumentNullException.ThrowIfNull(etag);
        if (SqlArguments.Version(etag, nameof(etag)) != version.Version - 1)
        {
            // The row was read at another table version than the one this write expects: it may have changed.
            return Task.FromResult(false);
        }
        return _session.WriteConditionallyAsync(async (connection, transaction) =>
        {
            if (!await BumpVersionAsync(connection, transaction, version, cancellationToken))
            {
                return (false, false);
            }
            await using var update = SqlSession.Command(connection, transaction, UpdateSql, RowParameters(entry));
            var updated = await update.ExecuteNonQueryAsync(cancellationToken) == 1;
            return (updated, updated);
        }, cancellationToken);
    }

    public Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _session.WriteAsync(async (connection, transaction) =>
        {
            await using var command = SqlSession.Command(
                connection,
                transaction,
                IAmAliveSql,
                [("deploymentId", _deploymentId), .. KeyParameters(entry.SiloAddress), ("iAmAliveTime", _session.Dialect.TimeValue(entry.IAmAliveTime))]);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    public Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken) =>
        _session.WriteAsync(async (connection, transaction) =>
        {
            await using var command = SqlSession.Command(
                connection,
                transaction,
                CleanupSql,
                ("deploymentId", _deploymentId), ("dead", (int)SiloStatus.Dead), ("before", _session.Dialect.TimeValue(beforeDate)));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private async Task<bool> BumpVersionAsync(
        DbConnection connection, DbTransaction transaction, TableVersion version, CancellationToken cancellationToken)
    {
        await using var bump = SqlSession.Command(
            connection,
            transaction,
            BumpVersionSql,
            ("deploymentId", _deploymentId), ("version", version.Version), ("expected", version.Version - 1));
        return await bump.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private Task<MembershipTableData> ReadAsync(string sql, (string, object?)[] parameters, CancellationToken cancellationToken) =>
        _session.ReadAsync(async connection =>
        {
            await using var command = SqlSession.Command(connection, null, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var version = 0;
            var members = new List<(MembershipEntry, string)>();
            while (await reader.ReadAsync(cancellationToken))
            {
                version = reader.GetInt32(0);
                if (!await reader.IsDBNullAsync(1, cancellationToken))
                {
                    members.Add((ReadEntry(reader), version.ToString(CultureInfo.InvariantCulture)));
                }
            }
            return new MembershipTableData(members, new TableVersion(version, version.ToString(CultureInfo.InvariantCulture)));
        }, cancellationToken);

    private MembershipEntry ReadEntry(DbDataReader reader) => new()
    {
        SiloAddress = new SiloAddress(new IPEndPoint(IPAddress.Parse(reader.GetString(1)), reader.GetInt32(2)), reader.GetInt32(3)),
        SiloName = reader.GetString(4),
        HostName = reader.GetString(5),
        Status = (SiloStatus)reader.GetInt32(6),
        ProxyPort = reader.IsDBNull(7) ? 0 : reader.GetInt32(7),
        SuspectTimes = SuspectTimesFormat.Parse(reader.IsDBNull(8) ? null : reader.GetString(8)),
        StartTime = _session.Dialect.ReadTime(reader, 9),
        IAmAliveTime = _session.Dialect.ReadTime(reader, 10),
        RoleName = reader.GetString(11),
    };

    private (string, object?)[] RowParameters(MembershipEntry entry) =>
    [
        ("deploymentId", _deploymentId),
        .. KeyParameters(entry.SiloAddress),
        ("siloName", entry.SiloName),
        ("hostName", entry.HostName),
        ("status", (int)entry.Status),
        ("proxyPort", entry.ProxyPort),
        ("suspectTimes", SuspectTimesFormat.Format(entry.SuspectTimes)),
        ("startTime", _session.Dialect.TimeValue(entry.StartTime)),
        ("iAmAliveTime", _session.Dialect.TimeValue(entry.IAmAliveTime)),
        ("roleName", entry.RoleName),
    ];

    private static (string, object?)[] KeyParameters(SiloAddress silo) =>
    [
        ("address", silo.Endpoint.Address.ToString()),
        ("port", silo.Endpoint.Port),
        ("generation", silo.Generation),
    ];

    private static void Check(MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.SiloAddress, nameof(entry.SiloAddress));
        SqlArguments.Text(entry.SiloName, nameof(entry.SiloName), TextLength);
        SqlArguments.Text(entry.HostName, nameof(entry.HostName), TextLength);
        SqlArguments.Key(entry.RoleName, nameof(entry.RoleName), TextLength);
        if (SuspectTimesFormat.Format(entry.SuspectTimes) is { Length: > 8000 } suspects)
        {
            throw new ArgumentException(
                $"The suspect times of {entry.SiloAddress} take {suspects.Length} characters; the column holds at most 8000.", nameof(entry));
        }
    }
}
