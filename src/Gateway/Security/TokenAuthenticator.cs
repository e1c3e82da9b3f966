using System.Security.Cryptography;
using System.Text;

namespace Actors.Gateway.Security;

/// <summary>
/// Maps a bearer token to its user. Every known token is compared in constant time (over SHA-256 digests, so lengths
/// leak nothing either), and all of them are always compared, so timing does not reveal which one nearly matched.
/// </summary>
internal sealed class TokenAuthenticator
{
    private readonly (byte[] Digest, UserInfo User)[] _tokens;

    public TokenAuthenticator(IEnumerable<(string Token, UserInfo User)> tokens)
    {
        _tokens = tokens.Select(t => (Digest(t.Token), WithAuthenticatedGroup(t.User))).ToArray();
    }

    /// <summary>The admin token plus the entries of a static token file.</summary>
    public static TokenAuthenticator Create(string adminToken, IEnumerable<TokenEntry> fileEntries) =>
        new(new[] { (adminToken, UserInfo.Admin) }.Concat(fileEntries.Select(e => (e.Token, e.User))));

    public UserInfo? Authenticate(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var digest = Digest(token);
        UserInfo? match = null;
        foreach (var (candidate, user) in _tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate, digest))
            {
                match ??= user;
            }
        }

        return match;
    }

    /// <summary>The token of an <c>Authorization: Bearer &lt;token&gt;</c> header value, or null.</summary>
    public static string? BearerToken(string? authorizationHeader)
    {
        const string Scheme = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorizationHeader[Scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    private static byte[] Digest(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static UserInfo WithAuthenticatedGroup(UserInfo user) =>
        user.Groups.Contains(UserInfo.AuthenticatedGroup) ? user : user with { Groups = [.. user.Groups, UserInfo.AuthenticatedGroup] };
}
