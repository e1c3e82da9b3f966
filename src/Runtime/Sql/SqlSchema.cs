using System.Data.Common;
using System.Globalization;
using Actors.Storage;

namespace Actors.Runtime.Sql;

/// <summary>
/// Creates and upgrades the runtime's tables. Each migration runs once, recorded in
/// <c>ActorsSchemaVersion</c>; the whole install is one transaction under a PostgreSQL advisory lock (or the
/// SQLite write lock), so silos starting together neither race nor see half a schema.
/// </summary>
/// <remarks>
/// Table and column names are Orleans' ADO.NET ones. Deviations, each for a reason in RUNTIME.md 12.4-12.6:
/// OrleansStorage has a unique index on the grain's identity (inserts cannot race) and GrainTypeString holds
/// <c>graintype/stateName</c>; OrleansMembershipTable has RoleName; OrleansGrainDirectory has
/// MembershipVersion; OrleansRemindersTable keeps GrainHash as the unsigned ring position in a bigint (so range
/// reads compare in ring order) and widens GrainId to the directory's 2404 characters.
/// </remarks>
public static class SqlSchema
{
    // Any fixed number works; it only has to be the same in every silo sharing the database.
    private const long AdvisoryLockKey = 0x4163746f72735351; // "ActorsSQ"

    private static readonly string[][] Migrations =
    [
        [
            """
            CREATE TABLE OrleansStorage (
                GrainIdHash integer NOT NULL,
                GrainIdN0 bigint NOT NULL,
                GrainIdN1 bigint NOT NULL,
                GrainTypeHash integer NOT NULL,
                GrainTypeString varchar(512) NOT NULL,
                GrainIdExtensionString varchar(512) NOT NULL,
                ServiceId varchar(150) NOT NULL,
                PayloadBinary {Blob} NULL,
                ModifiedOn {Time} NOT NULL,
                Version integer NOT NULL
            )
            """,
            "CREATE INDEX IX_OrleansStorage ON OrleansStorage (GrainIdHash, GrainTypeHash)",
            """
            CREATE UNIQUE INDEX UX_OrleansStorage_Grain
                ON OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
            """,
            """
            CREATE TABLE OrleansMembershipVersionTable (
                DeploymentId varchar(150) NOT NULL PRIMARY KEY,
                Timestamp {Time} NOT NULL,
                Version integer NOT NULL
            )
            """,
            """
            CREATE TABLE OrleansMembershipTable (
                DeploymentId varchar(150) NOT NULL,
                Address varchar(45) NOT NULL,
                Port integer NOT NULL,
                Generation integer NOT NULL,
                SiloName varchar(150) NOT NULL,
                HostName varchar(150) NOT NULL,
                Status integer NOT NULL,
                ProxyPort integer NULL,
                SuspectTimes varchar(8000) NULL,
                StartTime {Time} NOT NULL,
                IAmAliveTime {Time} NOT NULL,
                RoleName varchar(150) NOT NULL,
                PRIMARY KEY (DeploymentId, Address, Port, Generation),
                FOREIGN KEY (DeploymentId) REFERENCES OrleansMembershipVersionTable (DeploymentId)
            )
            """,
            """
            CREATE TABLE OrleansGrainDirectory (
                ClusterId varchar(150) NOT NULL,
                ProviderId varchar(150) NOT NULL,
                GrainId varchar(2404) NOT NULL,
                SiloAddress varchar(100) NOT NULL,
                ActivationId varchar(100) NOT NULL,
                MembershipVersion bigint NOT NULL,
                CreatedOn {Time} NOT NULL,
                PRIMARY KEY (ClusterId, ProviderId, GrainId)
            )
            """,
            "CREATE INDEX IX_OrleansGrainDirectory_Silo ON OrleansGrainDirectory (ClusterId, ProviderId, SiloAddress)",
            """
            CREATE TABLE OrleansRemindersTable (
                ServiceId varchar(150) NOT NULL,
                GrainId varchar(2404) NOT NULL,
                ReminderName varchar(150) NOT NULL,
                StartTime {Time} NOT NULL,
                Period bigint NOT NULL,
                GrainHash bigint NOT NULL,
                Version integer NOT NULL,
                PRIMARY KEY (ServiceId, GrainId, ReminderName)
            )
            """,
            "CREATE INDEX IX_OrleansRemindersTable_Hash ON OrleansRemindersTable (ServiceId, GrainHash)",
        ],
    ];

    /// <summary>The schema version this build creates.</summary>
    public static int LatestVersion => Migrations.Length;

    /// <summary>Brings the database to <see cref="LatestVersion"/>; a no-op when it is already there.</summary>
    /// <returns>The schema version found before the install (0 for an empty database).</returns>
    /// <exception cref="InvalidOperationException">The database was created by a newer build.</exception>
    public static Task<int> InstallAsync(Database database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var session = new SqlSession(database);
        return session.WriteAsync(async (connection, transaction) =>
        {
            if (session.Dialect.Provider == DatabaseProvider.PostgreSql)
            {
                await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", AdvisoryLockKey));
            }
            await ExecuteAsync(
                connection,
                transaction,
                session.Dialect.Ddl("CREATE TABLE IF NOT EXISTS ActorsSchemaVersion (Version integer NOT NULL PRIMARY KEY, AppliedOn {Time} NOT NULL)"),
                cancellationToken);
            await using var select = SqlSession.Command(connection, transaction, "SELECT COALESCE(MAX(Version), 0) FROM ActorsSchemaVersion");
            var found = Convert.ToInt32(await select.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            if (found > LatestVersion)
            {
                throw new InvalidOperationException(
                    $"The database schema is at version {found}, newer than the version {LatestVersion} this build knows; " +
                    "run a build at least as new as the one that upgraded the database.");
            }
            for (var version = found + 1; version <= LatestVersion; version++)
            {
                foreach (var statement in Migrations[version - 1])
                {
                    await ExecuteAsync(connection, transaction, session.Dialect.Ddl(statement), cancellationToken);
                }
                await ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO ActorsSchemaVersion (Version, AppliedOn) VALUES (@version, CURRENT_TIMESTAMP)",
                    cancellationToken,
                    ("version", version));
            }
            return found;
        }, cancellationToken);
    }

    private static async Task ExecuteAsync(
        DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = SqlSession.Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
