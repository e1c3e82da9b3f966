using Actors.Gateway.Hosting;
using Actors.Gateway.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Gateway.Dashboard;

/// <summary>
/// Who is asking, for the dashboard and <c>/metrics</c>: the Kubernetes API's bearer tokens (same
/// <see cref="GatewaySecurity"/>), or for the dashboard also its session cookie. Without GatewaySecurity in the
/// container (an app that serves no Kubernetes API) there is nothing to check against and everything stays open.
/// </summary>
internal static class DashboardAuthentication
{
    public const string CookieName = "actors-dashboard";

    /// <summary>The verb a viewer needs: the dashboard and metrics only read.</summary>
    public const string ViewVerb = "get";

    public static GatewaySecurity? Security(HttpContext context) => context.RequestServices.GetService<GatewaySecurity>();

    public static UserInfo? BearerUser(HttpContext context, GatewaySecurity security) =>
        security.Authenticator.Authenticate(TokenAuthenticator.BearerToken(context.Request.Headers.Authorization));

    public static UserInfo? SessionUser(HttpContext context) =>
        context.RequestServices.GetService<DashboardSessions>()?.Resume(context.Request.Cookies[CookieName]);

    /// <summary>Null when the request may proceed; else the status (401 or 403) and why.</summary>
    public static (int Status, string Message)? Check(HttpContext context, bool acceptSession)
    {
        if (Security(context) is not { } security)
        {
            return null;
        }
        var user = BearerUser(context, security) ?? (acceptSession ? SessionUser(context) : null);
        if (user is null)
        {
            return (StatusCodes.Status401Unauthorized, acceptSession
                ? "Log in: a bearer token or a dashboard session is required."
                : "A bearer token is required.");
        }
        var decision = security.Authorizer.Authorize(user, ViewVerb);
        return decision.Allowed ? null : (StatusCodes.Status403Forbidden, $"User \"{user.Name}\" may not view this: {decision.Reason}.");
    }

    public static void SetSessionCookie(HttpContext context, string sessionId) =>
        context.Response.Cookies.Append(CookieName, sessionId, CookieOptions(context));

    public static void ClearSessionCookie(HttpContext context) =>
        context.Response.Cookies.Delete(CookieName, CookieOptions(context));

    /// <summary>No expiry: a browser-session cookie, scoped to the dashboard's path.</summary>
    private static CookieOptions CookieOptions(HttpContext context) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = context.Request.PathBase + "/dashboard",
        IsEssential = true,
    };
}
