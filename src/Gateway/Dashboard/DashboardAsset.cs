namespace Actors.Gateway.Dashboard;

/// <summary>One file of the front end, embedded in the assembly.</summary>
public sealed record DashboardAsset(string Name, string ContentType, byte[] Content, string ETag);
