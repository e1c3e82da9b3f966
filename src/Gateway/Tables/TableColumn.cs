namespace Actors.Gateway.Tables;

/// <summary>One column of a server-side Table; priority 1 columns show only with <c>-o wide</c>.</summary>
internal sealed record TableColumn(string Name, string Type = "string", int Priority = 0, string Format = "");
