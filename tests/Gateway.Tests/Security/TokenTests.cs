using Actors.Gateway.Security;
using Actors.TestSupport;

namespace Actors.Gateway.Tests.Security;

[Trait("Category", "Unit")]
public sealed class TokenTests
{
    [Fact]
    public void AdminToken_GeneratedOnceThenReused()
    {
        using var dir = new TempDirectory();

        var first = AdminToken.Ensure(dir.Path);
        var second = AdminToken.Ensure(dir.Path);

        Assert.Equal(first, second);
        Assert.Equal(43, first.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", first);
        Assert.NotEqual(first, AdminToken.Generate());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dir.Path, "admin.token")));
        }
    }

    [Fact]
    public void TokenFile_ParsesKubernetesCsvFormat()
    {
        const string Text =
            "# token,user,uid,groups\n" +
            "t1,alice,u-1,\"actors:readonly,dev\"\n" +
            "\n" +
            "t2,bob,u-2\n" +
            "\"t,3\",\"carol \"\"c\"\"\",u-3,system:masters\n" +
            "t4,dave,u-4,\"a, b ,\",extra\n";

        var result = TokenFile.Parse(Text.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Empty(result.Errors);
        Assert.Collection(
            result.Entries,
            e => Assert.Equal(("t1", "alice", "u-1", "actors:readonly|dev", 2), (e.Token, e.User.Name, e.User.Uid, string.Join('|', e.User.Groups), e.LineNumber)),
            e => Assert.Equal(("t2", "bob", "u-2", string.Empty), (e.Token, e.User.Name, e.User.Uid, string.Join('|', e.User.Groups))),
            e => Assert.Equal(("t,3", "carol \"c\"", "system:masters"), (e.Token, e.User.Name, string.Join('|', e.User.Groups))),
            e => Assert.Equal("a|b", string.Join('|', e.User.Groups)));
    }

    [Theory]
    [InlineData("onlytoken,user", 1, "at least 3 columns")]
    [InlineData("ok,u,1\n\"open,u,2", 2, "unterminated")]
    [InlineData("# c\n,user,uid", 2, "token is empty")]
    [InlineData("t,,uid", 1, "user name is empty")]
    [InlineData("t,a,1\nt,b,2", 2, "duplicate token")]
    public void TokenFile_BadLines_ReportedWithLineNumber(string text, int line, string message)
    {
        var result = TokenFile.Parse(text);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"line {line}: ", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin-secret", "admin")]
    [InlineData("viewer-secret", "viewer")]
    [InlineData("admin-secreT", null)]
    [InlineData("admin-secret-longer", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Authenticator_MapsTokenToUser(string? token, string? user)
    {
        var file = TokenFile.Parse("viewer-secret,viewer,v-1,actors:readonly");
        var authenticator = TokenAuthenticator.Create("admin-secret", file.Entries);

        var result = authenticator.Authenticate(token);

        Assert.Equal(user, result?.Name);
        if (result is not null)
        {
            Assert.Contains(UserInfo.AuthenticatedGroup, result.Groups);
        }
    }

    [Theory]
    [InlineData("Bearer abc", "abc")]
    [InlineData("bearer  abc ", "abc")]
    [InlineData("Basic abc", null)]
    [InlineData("Bearer ", null)]
    [InlineData(null, null)]
    public void BearerToken_ParsesHeader(string? header, string? token)
    {
        Assert.Equal(token, TokenAuthenticator.BearerToken(header));
    }
}
