using System.Text.Json.Nodes;

namespace Actors.Grains.Abstractions.Store;

/// <summary>Options of <see cref="IObjectStore.ListAsync"/>.</summary>
public sealed record ListOptions
{
    /// <summary>At most this many items per page; null or 0 lists everything.</summary>
    public int? Limit { get; init; }

    /// <summary>The token of the previous page; the page is read at that page's revision.</summary>
    public string? Continue { get; init; }

    /// <summary>A revision as Kubernetes sends it ("", "0" or a number); ignored when <see cref="Continue"/> is set.</summary>
    public string? ResourceVersion { get; init; }

    public ResourceVersionMatch Match { get; init; } = ResourceVersionMatch.NotOlderThan;

    /// <summary>Label and field selectors, evaluated in the store so that <see cref="Limit"/> counts matches.</summary>
    public Func<JsonObject, bool>? Filter { get; init; }
}
