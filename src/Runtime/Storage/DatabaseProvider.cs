namespace Actors.Storage;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
