namespace Actors.Gateway.Dashboard.Objects;

/// <summary>
/// <c>GET /dashboard/api/objects/{kind}</c>: one page of rows, read fresh at every poll so the page stays live;
/// <paramref name="More"/> says a next page exists.
/// </summary>
public sealed record ObjectPage<TRow>(DateTimeOffset Now, string Kind, string? Namespace, int Offset, int Limit, bool More, IReadOnlyList<TRow> Items);
