namespace Actors.Gateway.Security;

/// <summary>
/// The gateway's whole RBAC: <c>system:masters</c> may do everything, the read-only group may get, list and watch,
/// everyone else is forbidden. The caller turns a denial into a Forbidden Status naming verb and resource.
/// </summary>
internal sealed class Authorizer(string readOnlyGroup = Authorizer.DefaultReadOnlyGroup)
{
    public const string DefaultReadOnlyGroup = "actors:readonly";

    private static readonly HashSet<string> ReadVerbs = new(StringComparer.Ordinal) { "get", "list", "watch" };

    public string ReadOnlyGroup { get; } = readOnlyGroup;

    public AuthorizationDecision Authorize(UserInfo user, string verb)
    {
        if (user.Groups.Contains(UserInfo.MastersGroup))
        {
            return AuthorizationDecision.Allow($"{UserInfo.MastersGroup} may do everything");
        }

        if (user.Groups.Contains(ReadOnlyGroup))
        {
            return ReadVerbs.Contains(verb)
                ? AuthorizationDecision.Allow($"{ReadOnlyGroup} may {verb}")
                : AuthorizationDecision.Deny($"{ReadOnlyGroup} may only get, list and watch, not {verb}");
        }

        return AuthorizationDecision.Deny($"user \"{user.Name}\" is in neither {UserInfo.MastersGroup} nor {ReadOnlyGroup}");
    }
}
