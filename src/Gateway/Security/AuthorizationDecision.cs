namespace Actors.Gateway.Security;

/// <summary>Whether a request is allowed; <see cref="Reason"/> explains a denial for logs.</summary>
internal sealed record AuthorizationDecision(bool Allowed, string Reason)
{
    public static AuthorizationDecision Allow(string reason) => new(true, reason);

    public static AuthorizationDecision Deny(string reason) => new(false, reason);
}
