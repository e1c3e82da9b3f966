namespace Actors.Runtime.Sql;

/// <summary>Checks values against the column widths before they reach the database, with errors that name them.</summary>
internal static class SqlArguments
{
    public const int ClusterIdLength = 150;

    public static string Text(string? value, string name, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"{name} must not be empty.", name);
        }
        if (value.Length > maxLength)
        {
            throw new ArgumentException($"{name} is {value.Length} characters long; the column holds at most {maxLength}.", name);
        }
        return value;
    }

    /// <summary>Like <see cref="Text"/> but an empty string is a valid value (a grain key may be empty).</summary>
    public static string Key(string? value, string name, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        return value.Length == 0 ? value : Text(value, name, maxLength);
    }

    public static string ClusterId(string? clusterId) => Text(clusterId, "clusterId", ClusterIdLength);

    /// <summary>ETags these stores issue are version numbers; anything else cannot have come from them.</summary>
    public static int Version(string etag, string name)
    {
        if (!int.TryParse(etag, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            throw new ArgumentException($"{name} '{etag}' is not an ETag issued by this store (a version number).", name);
        }
        return version;
    }
}
