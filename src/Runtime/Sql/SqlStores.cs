using Actors.Runtime.Directory;
using Actors.Runtime.Membership;
using Actors.Runtime.Reminders;
using Actors.Storage;

namespace Actors.Runtime.Sql;

/// <summary>
/// The four SQL-backed stores of one cluster over one database. Rows are scoped by the cluster id
/// (Orleans' ServiceId/DeploymentId/ClusterId columns), so several clusters can share a database.
/// </summary>
public sealed class SqlStores
{
    private SqlStores(Database database, string clusterId)
    {
        ClusterId = clusterId;
        GrainStorage = new SqlGrainStorage(database, clusterId);
        MembershipTable = new SqlMembershipTable(database, clusterId);
        GrainDirectory = new SqlGrainDirectory(database, clusterId);
        ReminderTable = new SqlReminderTable(database, clusterId);
    }

    public string ClusterId { get; }

    public IGrainStorage GrainStorage { get; }

    public IMembershipTable MembershipTable { get; }

    public IGrainDirectory GrainDirectory { get; }

    public IReminderTable ReminderTable { get; }

    /// <summary>Installs or upgrades the schema (<see cref="SqlSchema.InstallAsync"/>), then hands out the stores.</summary>
    public static async Task<SqlStores> CreateAsync(Database database, string clusterId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        SqlArguments.ClusterId(clusterId);
        await SqlSchema.InstallAsync(database, cancellationToken);
        return new SqlStores(database, clusterId);
    }
}
