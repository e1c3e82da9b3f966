namespace Actors.Runtime.Activation;

/// <summary>One completed turn, kept per activation for the management API.</summary>
public sealed record RecentCall(string Method, DateTimeOffset Started, TimeSpan Elapsed, string? Error);
