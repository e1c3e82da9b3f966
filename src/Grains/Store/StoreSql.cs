namespace Actors.Grains.Store;

/// <summary>
/// The SQL of the object store, shared by PostgreSQL and SQLite (both take <c>@name</c> parameters, row values,
/// RETURNING and ON CONFLICT). Only parameters carry values.
/// </summary>
internal static class StoreSql
{
    public static int SchemaVersion => Migrations.Length;

    public const string CreateSchemaTable =
        "CREATE TABLE IF NOT EXISTS object_store_schema (id INTEGER PRIMARY KEY, version INTEGER NOT NULL)";

    public const string ReadSchemaVersion = "SELECT version FROM object_store_schema WHERE id = 1";

    public const string WriteSchemaVersion =
        "INSERT INTO object_store_schema (id, version) VALUES (1, @version) ON CONFLICT (id) DO UPDATE SET version = @version";

    /// <summary>Migration steps; element i brings the schema from version i to i + 1.</summary>
    public static readonly string[][] Migrations =
    [
        [
            // The revision counter: one row whose update every writer performs first (see ObjectStore).
            "CREATE TABLE object_store_revision (id INTEGER PRIMARY KEY, revision BIGINT NOT NULL)",
            "INSERT INTO object_store_revision (id, revision) VALUES (1, 0)",
            "CREATE TABLE object_store_compaction (id INTEGER PRIMARY KEY, revision BIGINT NOT NULL)",
            "INSERT INTO object_store_compaction (id, revision) VALUES (1, 0)",
            """
            CREATE TABLE objects (
                kind TEXT NOT NULL, ns TEXT NOT NULL, name TEXT NOT NULL, uid TEXT NOT NULL,
                resource_version BIGINT NOT NULL, generation BIGINT NOT NULL, node_name TEXT NULL,
                object TEXT NOT NULL,
                PRIMARY KEY (kind, ns, name))
            """,
            "CREATE INDEX objects_node ON objects (kind, node_name) WHERE node_name IS NOT NULL",
            """
            CREATE TABLE object_owners (
                owner_uid TEXT NOT NULL, kind TEXT NOT NULL, ns TEXT NOT NULL, name TEXT NOT NULL,
                PRIMARY KEY (owner_uid, kind, ns, name))
            """,
            "CREATE INDEX object_owners_object ON object_owners (kind, ns, name)",
            """
            CREATE TABLE object_changes (
                revision BIGINT PRIMARY KEY, kind TEXT NOT NULL, ns TEXT NOT NULL, name TEXT NOT NULL,
                type TEXT NOT NULL, object TEXT NOT NULL, prev_revision BIGINT NOT NULL, created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX object_changes_key ON object_changes (kind, ns, name, revision)",
            "CREATE INDEX object_changes_kind ON object_changes (kind, revision)",
        ],
        [
            // Whether the object has owner rows: an owner's orphan scan reads the few unowned objects of its
            // namespace by this index instead of anti-joining every object with the owner table (a plan that,
            // on stale statistics, became a nested loop of seconds per scan).
            "ALTER TABLE objects ADD COLUMN owned INTEGER NOT NULL DEFAULT 0",
            "UPDATE objects SET owned = 1 WHERE EXISTS (SELECT 1 FROM object_owners w WHERE w.kind = objects.kind AND w.ns = objects.ns AND w.name = objects.name)",
            "CREATE INDEX objects_unowned ON objects (kind, ns, name) WHERE owned = 0",
        ],
    ];

    /// <summary>Part of every kept write's batch (see <see cref="TransactionRevisions"/>).</summary>
    public const string StoreRevision = "UPDATE object_store_revision SET revision = @revision WHERE id = 1";

    public const string CurrentRevision = "SELECT revision FROM object_store_revision WHERE id = 1";

    public const string CompactedRevision = "SELECT revision FROM object_store_compaction WHERE id = 1";

    public const string SelectObject =
        "SELECT object, resource_version FROM objects WHERE kind = @kind AND ns = @ns AND name = @name";

    public const string InsertObject = """
        INSERT INTO objects (kind, ns, name, uid, resource_version, generation, node_name, owned, object)
        VALUES (@kind, @ns, @name, @uid, @revision, @generation, @node, @owned, @object)
        """;

    public const string UpdateObject = """
        UPDATE objects SET uid = @uid, resource_version = @revision, generation = @generation, node_name = @node, owned = @owned, object = @object
        WHERE kind = @kind AND ns = @ns AND name = @name
        """;

    public const string DeleteObject = "DELETE FROM objects WHERE kind = @kind AND ns = @ns AND name = @name";

    public const string DeleteOwners = "DELETE FROM object_owners WHERE kind = @kind AND ns = @ns AND name = @name";

    /// <summary>One row per owner, parameters <c>@owner0</c> … <c>@owner{count-1}</c>; empty for no owners.</summary>
    public static string InsertOwners(int count) => count == 0
        ? ""
        : "INSERT INTO object_owners (owner_uid, kind, ns, name) VALUES "
            + string.Join(", ", Enumerable.Range(0, count).Select(i => $"(@owner{i}, @kind, @ns, @name)"));

    public const string InsertChange = """
        INSERT INTO object_changes (revision, kind, ns, name, type, object, prev_revision, created_at)
        VALUES (@revision, @kind, @ns, @name, @type, @object, @prev, @createdAt)
        """;

    /// <summary>
    /// An owner's dependents: each owner row looks its object up by primary key. (As a join, PostgreSQL hashed
    /// every object of the namespace for each owner's hundred.) Owner rows and object rows are written in one
    /// transaction, so every owner row has its object.
    /// </summary>
    public const string SelectByOwner = """
        SELECT (SELECT o.object FROM objects o WHERE o.kind = w.kind AND o.ns = w.ns AND o.name = w.name), w.ns, w.name
        FROM object_owners w
        WHERE w.owner_uid = @owner AND w.kind = @kind AND w.ns = @ns
        ORDER BY w.name
        """;

    public const string SelectUnowned =
        "SELECT object, ns, name FROM objects WHERE kind = @kind AND ns = @ns AND owned = 0 ORDER BY name";

    public const string SelectByNode =
        "SELECT object, ns, name FROM objects WHERE kind = @kind AND node_name = @node ORDER BY ns, name";

    /// <summary>Changes after a revision, all kinds (the change feed) or filtered by the WHERE fragments appended.</summary>
    public const string SelectChangesAfter =
        "SELECT revision, kind, ns, name, type, object FROM object_changes WHERE revision > @after";

    public const string ChangesOfKind = " AND kind = @kind";

    public const string ChangesInNamespace = " AND ns = @ns";

    public const string OrderChangesLimit = " ORDER BY revision LIMIT @limit";

    /// <summary>Current objects of a kind, keyset-paged; the fragments below are appended.</summary>
    public const string SelectCurrentPage = "SELECT ns, name, object FROM objects WHERE kind = @kind";

    /// <summary>
    /// The state at @revision: for each key the newest change at or before it, unless that change is a deletion.
    /// Compaction keeps exactly the rows this needs for any revision not older than the compacted one.
    /// </summary>
    public const string SelectPageAtRevision = """
        SELECT c.ns, c.name, c.object FROM object_changes c
        WHERE c.kind = @kind AND c.revision <= @revision AND c.type <> 'DELETED'
          AND NOT EXISTS (SELECT 1 FROM object_changes n
                          WHERE n.kind = c.kind AND n.ns = c.ns AND n.name = c.name
                            AND n.revision > c.revision AND n.revision <= @revision)
        """;

    public const string PageInNamespace = " AND {0}ns = @ns";

    public const string PageAfterKey = " AND ({0}ns, {0}name) > (@afterNs, @afterName)";

    public const string PageOrder = " ORDER BY {0}ns, {0}name LIMIT @limit";

    public const string NewestRevisionBefore = "SELECT MAX(revision) FROM object_changes WHERE created_at < @cutoff";

    /// <summary>Raises the compacted revision; affects no row when another compaction already went further.</summary>
    public const string RaiseCompactedRevision =
        "UPDATE object_store_compaction SET revision = @revision WHERE id = 1 AND revision < @revision";

    /// <summary>Changes at or before the compaction point that a newer change at or before it supersedes.</summary>
    public const string DeleteSupersededChanges = """
        DELETE FROM object_changes
        WHERE revision <= @revision AND EXISTS (
            SELECT 1 FROM object_changes n
            WHERE n.kind = object_changes.kind AND n.ns = object_changes.ns AND n.name = object_changes.name
              AND n.revision > object_changes.revision AND n.revision <= @revision)
        """;

    /// <summary>Run after <see cref="DeleteSupersededChanges"/>: deletions are then the last row of their key.</summary>
    public const string DeleteCompactedDeletions =
        "DELETE FROM object_changes WHERE revision <= @revision AND type = 'DELETED'";
}
