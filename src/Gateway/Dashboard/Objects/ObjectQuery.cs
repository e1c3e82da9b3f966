using System.Globalization;

namespace Actors.Gateway.Dashboard.Objects;

/// <summary>
/// Which page of objects the view asks for. Paged by offset rather than by continue token: a token pins the
/// revision of the first page, and a live view must show every page as it is now.
/// </summary>
public sealed record ObjectQuery(string? Namespace, int Offset, int Limit)
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 500;

    /// <summary>Beyond this a view should filter by namespace; it also bounds what one poll reads.</summary>
    public const int MaxOffset = 10_000;

    /// <summary>The query, or the message of a 400 naming the parameter that is wrong.</summary>
    public static (ObjectQuery? Query, string? Error) Parse(string? ns, string? offset, string? limit)
    {
        var parsedOffset = 0;
        if (!string.IsNullOrEmpty(offset)
            && (!int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out parsedOffset) || parsedOffset > MaxOffset))
        {
            return (null, $"offset must be a whole number from 0 to {MaxOffset}, not '{offset}'.");
        }
        var parsedLimit = DefaultLimit;
        if (!string.IsNullOrEmpty(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out parsedLimit) || parsedLimit is < 1 or > MaxLimit))
        {
            return (null, $"limit must be a whole number from 1 to {MaxLimit}, not '{limit}'.");
        }
        return (new ObjectQuery(string.IsNullOrEmpty(ns) ? null : ns, parsedOffset, parsedLimit), null);
    }
}
