namespace Actors.Gateway.Dashboard;

/// <summary>One completed turn of the activation; <see cref="Error"/> is null when it succeeded.</summary>
public sealed record RecentCallView(string Method, DateTimeOffset Started, double ElapsedMs, string? Error);
