namespace Actors.Gateway.Security;

/// <summary>An authenticated user as Kubernetes describes one: name, uid and groups.</summary>
internal sealed record UserInfo(string Name, string Uid, IReadOnlyList<string> Groups)
{
    public const string MastersGroup = "system:masters";
    public const string AuthenticatedGroup = "system:authenticated";

    /// <summary>The user of the generated <c>admin.token</c>.</summary>
    public static UserInfo Admin { get; } = new("admin", "admin", [MastersGroup, AuthenticatedGroup]);
}
