using System.Data.Common;
using Actors.Runtime.Directory;
using Actors.Storage;

namespace Actors.Runtime.Sql;

/// <summary>
/// Orleans' ADO.NET grain directory in <c>OrleansGrainDirectory</c>: the primary key on the grain makes the
/// database decide which of several racing registrations wins; everyone then reads the winner back.
/// </summary>
public sealed class SqlGrainDirectory : IGrainDirectory
{
    public const string DefaultProviderId = "default";

    private const int GrainIdLength = 2404;
    private const int AddressLength = 100;

    // How often a registration retries when the winner it lost to vanished before it could be read.
    private const int RegisterAttempts = 10;

    private const string Filter = "ClusterId = @clusterId AND ProviderId = @providerId";

    private const string InsertSql = """
        INSERT INTO OrleansGrainDirectory (ClusterId, ProviderId, GrainId, SiloAddress, ActivationId, MembershipVersion, CreatedOn)
        VALUES (@clusterId, @providerId, @grainId, @siloAddress, @activationId, @membershipVersion, CURRENT_TIMESTAMP)
        ON CONFLICT DO NOTHING
        """;

    private const string LookupSql = $"""
        SELECT GrainId, ActivationId, SiloAddress, MembershipVersion FROM OrleansGrainDirectory
        WHERE {Filter} AND GrainId = @grainId
        """;

    private const string DeleteActivationSql = $"DELETE FROM OrleansGrainDirectory WHERE {Filter} AND GrainId = @grainId AND ActivationId = @activationId";

    private const string DeleteSiloSql = $"DELETE FROM OrleansGrainDirectory WHERE {Filter} AND SiloAddress = @siloAddress";

    private const string ListSiloSql = $"""
        SELECT GrainId, ActivationId, SiloAddress, MembershipVersion FROM OrleansGrainDirectory
        WHERE {Filter} AND SiloAddress = @siloAddress
        ORDER BY GrainId
        """;

    private readonly SqlSession _session;
    private readonly string _clusterId;
    private readonly string _providerId;

    public SqlGrainDirectory(Database database, string clusterId, string providerId = DefaultProviderId)
    {
        ArgumentNullException.ThrowIfNull(database);
        _session = new SqlSession(database);
        _clusterId = SqlArguments.ClusterId(clusterId);
        _providerId = SqlArguments.Text(providerId, nameof(providerId), 150);
    }

    public async Task<GrainAddress> RegisterAsync(GrainAddress address, GrainAddress? previousAddress, CancellationToken cancellationToken)
    {
        var grainId = Check(address);
        if (previousAddress is not null && previousAddress.GrainId != address.GrainId)
        {
            throw new ArgumentException(
                $"The previous address is for grain {previousAddress.GrainId}, not {address.GrainId}.", nameof(previousAddress));
        }
        for (var attempt = 0; attempt < RegisterAttempts; attempt++)
        {
            await _session.WriteAsync(async (connection, transaction) =>
            {
                if (previousAddress is not null)
                {
                    // Replacing is "remove the entry if it is still the previous one, then register if absent":
                    // if someone else replaced it first, their entry stays and is returned below.
                    await ExecuteAsync(connection, transaction, DeleteActivationSql, cancellationToken, ("grainId", grainId), ("activationId", previousAddress.ActivationId));
                }
                return await ExecuteAsync(
                    connection,
                    transaction,
                    InsertSql,
                    cancellationToken,
                    ("grainId", grainId),
                    ("siloAddress", address.SiloAddress.ToParsableString()),
                    ("activationId", address.ActivationId),
                    ("membershipVersion", address.MembershipVersion));
            }, cancellationToken);
            if (await LookupAsync(address.GrainId, cancellationToken) is { } winner)
            {
                return winner;
            }
        }
        throw new InvalidOperationException(
            $"Registering {address.GrainId} failed {RegisterAttempts} times: each time its entry was removed before it could be read back.");
    }

    public async Task UnregisterAsync(GrainAddress address, CancellationToken cancellationToken)
    {
        var grainId = Check(address);
        await _session.WriteAsync(
            (connection, transaction) => ExecuteAsync(
                connection, transaction, DeleteActivationSql, cancellationToken, ("grainId", grainId), ("activationId", address.ActivationId)),
            cancellationToken);
    }

    public Task<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        var key = GrainIdText(grainId);
        return _session.ReadAsync(async connection =>
        {
            var rows = await QueryAsync(connection, LookupSql, cancellationToken, ("grainId", key));
            return rows.Count == 0 ? null : rows[0];
        }, cancellationToken);
    }

    public async Task UnregisterSilosAsync(IReadOnlyCollection<SiloAddress> silos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silos);
        if (silos.Count == 0)
        {
            return;
        }
        await _session.WriteAsync(async (connection, transaction) =>
        {
            var removed = 0;
            foreach (var silo in silos)
            {
                ArgumentNullException.ThrowIfNull(silo, nameof(silos));
                removed += await ExecuteAsync(connection, transaction, DeleteSiloSql, cancellationToken, ("siloAddress", silo.ToParsableString()));
            }
            return removed;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<GrainAddress>> ListBySiloAsync(SiloAddress silo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return _session.ReadAsync(
            async connection => (IReadOnlyList<GrainAddress>)await QueryAsync(
                connection, ListSiloSql, cancellationToken, ("siloAddress", silo.ToParsableString())),
            cancellationToken);
    }

    private async Task<int> ExecuteAsync(
        DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = SqlSession.Command(connection, transaction, sql, [("clusterId", _clusterId), ("providerId", _providerId), .. parameters]);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<List<GrainAddress>> QueryAsync(
        DbConnection connection, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = SqlSession.Command(connection, null, sql, [("clusterId", _clusterId), ("providerId", _providerId), .. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<GrainAddress>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new GrainAddress(
                GrainId.Parse(reader.GetString(0)),
                reader.GetString(1),
                SiloAddress.Parse(reader.GetString(2)),
                reader.GetInt64(3)));
        }
        return rows;
    }

    private static string Check(GrainAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(address.SiloAddress, nameof(address.SiloAddress));
        SqlArguments.Text(address.ActivationId, nameof(address.ActivationId), AddressLength);
        SqlArguments.Text(address.SiloAddress.ToParsableString(), nameof(address.SiloAddress), AddressLength);
        return GrainIdText(address.GrainId);
    }

    private static string GrainIdText(GrainId grainId)
    {
        if (string.IsNullOrEmpty(grainId.Type))
        {
            throw new ArgumentException("The grain id has no type.", nameof(grainId));
        }
        return SqlArguments.Text(grainId.ToString(), nameof(grainId), GrainIdLength);
    }
}
