using System.Data.Common;
using System.Globalization;
using Actors.Storage;

namespace Actors.Runtime.Sql;

/// <summary>
/// Grain state in <c>OrleansStorage</c>, one row per (cluster, <c>graintype/stateName</c>, key). The ETag is
/// the row's version. A cleared record keeps its row with a NULL payload and a bumped version, so versions
/// never repeat and an ETag from before the clear can never match again; it reads as absent and the next
/// write without an ETag revives it.
/// </summary>
public sealed class SqlGrainStorage : IGrainStorage
{
    private const int TextLength = 512;

    private const string KeyFilter =
        "ServiceId = @serviceId AND GrainTypeString = @type AND GrainIdN0 = 0 AND GrainIdN1 = 0 AND GrainIdExtensionString = @key";

    private const string ReadSql = $"SELECT PayloadBinary, Version FROM OrleansStorage WHERE {KeyFilter}";

    // The unique index makes racing inserts collide in the database; only a cleared row may be taken over.
    private const string InsertSql = """
        INSERT INTO OrleansStorage
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
        VALUES (@keyHash, 0, 0, @typeHash, @type, @key, @serviceId, @payload, CURRENT_TIMESTAMP, 1)
        ON CONFLICT (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString) DO UPDATE
            SET PayloadBinary = excluded.PayloadBinary, ModifiedOn = excluded.ModifiedOn, Version = OrleansStorage.Version + 1
            WHERE OrleansStorage.PayloadBinary IS NULL
        RETURNING Version
        """;

    private const string UpdateSql = $"""
        UPDATE OrleansStorage SET PayloadBinary = @payload, ModifiedOn = CURRENT_TIMESTAMP, Version = Version + 1
        WHERE {KeyFilter} AND Version = @version AND PayloadBinary IS NOT NULL
        RETURNING Version
        """;

    private const string ClearSql = $"""
        UPDATE OrleansStorage SET PayloadBinary = NULL, ModifiedOn = CURRENT_TIMESTAMP, Version = Version + 1
        WHERE {KeyFilter} AND Version = @version AND PayloadBinary IS NOT NULL
        """;

    private readonly SqlSession _session;
    private readonly string _serviceId;

    public SqlGrainStorage(Database database, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(database);
        _session = new SqlSession(database);
        _serviceId = SqlArguments.ClusterId(clusterId);
    }

    public Task<GrainStateRecord?> ReadAsync(string stateType, string grainKey, CancellationToken cancellationToken)
    {
        CheckKey(stateType, grainKey);
        return _session.ReadAsync(connection => ReadAsync(connection, stateType, grainKey, cancellationToken), cancellationToken);
    }

    public async Task<string> WriteAsync(
        string stateType, string grainKey, ReadOnlyMemory<byte> payload, string? etag, CancellationToken cancellationToken)
    {
        CheckKey(stateType, grainKey);
        var expected = etag is null ? (int?)null : SqlArguments.Version(etag, nameof(etag));
        var bytes = payload.ToArray();
        var written = await _session.WriteAsync<int?>(async (connection, transaction) =>
        {
            await using var command = expected is null
                ? SqlSession.Command(
                    connection, transaction, InsertSql,
                    ("keyHash", unchecked((int)StableHash.Compute(grainKey))),
                    ("typeHash", unchecked((int)StableHash.Compute(stateType))),
                    ("type", stateType), ("key", grainKey), ("serviceId", _serviceId), ("payload", bytes))
                : SqlSession.Command(
                    connection, transaction, UpdateSql,
                    ("type", stateType), ("key", grainKey), ("serviceId", _serviceId), ("payload", bytes), ("version", expected.Value));
            try
            {
                var result = await command.ExecuteScalarAsync(cancellationToken);
                return result is null or DBNull ? null : Convert.ToInt32(result, CultureInfo.InvariantCulture);
            }
            catch (DbException exception) when (SqlDialect.IsUniqueViolation(exception))
            {
                return null;
            }
        }, cancellationToken);
        if (written is null)
        {
            throw await ConflictAsync("write", stateType, grainKey, etag, cancellationToken);
        }
        return written.Value.ToString(CultureInfo.InvariantCulture);
    }

    public async Task ClearAsync(string stateType, string grainKey, string? etag, CancellationToken cancellationToken)
    {
        CheckKey(stateType, grainKey);
        if (etag is null)
        {
            // Nothing to clear is only consistent with nothing being stored.
            if (await ReadAsync(stateType, grainKey, cancellationToken) is not null)
            {
                throw await ConflictAsync("clear", stateType, grainKey, etag, cancellationToken);
            }
            return;
        }
        var expected = SqlArguments.Version(etag, nameof(etag));
        var cleared = await _session.WriteAsync(async (connection, transaction) =>
        {
            await using var command = SqlSession.Command(
                connection, transaction, ClearSql,
                ("type", stateType), ("key", grainKey), ("serviceId", _serviceId), ("version", expected));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
        if (cleared == 0)
        {
            throw await ConflictAsync("clear", stateType, grainKey, etag, cancellationToken);
        }
    }

    private async Task<GrainStateRecord?> ReadAsync(
        DbConnection connection, string stateType, string grainKey, CancellationToken cancellationToken)
    {
        await using var command = SqlSession.Command(
            connection, null, ReadSql, ("type", stateType), ("key", grainKey), ("serviceId", _serviceId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || await reader.IsDBNullAsync(0, cancellationToken))
        {
            return null;
        }
        var payload = reader.GetFieldValue<byte[]>(0);
        var version = reader.GetInt32(1);
        return new GrainStateRecord(payload, version.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<InconsistentStateException> ConflictAsync(
        string operation, string stateType, string grainKey, string? etag, CancellationToken cancellationToken)
    {
        var current = (await ReadAsync(stateType, grainKey, cancellationToken))?.ETag;
        return new InconsistentStateException(
            $"Cannot {operation} state '{stateType}' of '{grainKey}' with ETag '{etag ?? "(none)"}': " +
            $"the stored ETag is '{current ?? "(none)"}'; another activation wrote first. Re-read before deciding again.",
            storedEtag: current,
            currentEtag: etag);
    }

    private static void CheckKey(string stateType, string grainKey)
    {
        SqlArguments.Text(stateType, nameof(stateType), TextLength);
        SqlArguments.Key(grainKey, nameof(grainKey), TextLength);
    }
}
