namespace Actors.Gateway.Dashboard;

/// <summary><c>POST /dashboard/login-links</c>: open <see cref="Path"/> (relative to the gateway) once, before <see cref="ExpiresAt"/>.</summary>
public sealed record LoginLinkResponse(string Code, string Path, DateTimeOffset ExpiresAt);
