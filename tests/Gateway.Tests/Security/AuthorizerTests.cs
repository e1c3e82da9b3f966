using Actors.Gateway.Security;

namespace Actors.Gateway.Tests.Security;

[Trait("Category", "Unit")]
public sealed class AuthorizerTests
{
    [Theory]
    [InlineData("system:masters", "delete", true)]
    [InlineData("system:masters", "create", true)]
    [InlineData("actors:readonly", "get", true)]
    [InlineData("actors:readonly", "list", true)]
    [InlineData("actors:readonly", "watch", true)]
    [InlineData("actors:readonly", "create", false)]
    [InlineData("actors:readonly", "patch", false)]
    [InlineData("actors:readonly", "delete", false)]
    [InlineData("dev", "get", false)]
    [InlineData("system:authenticated", "list", false)]
    public void Authorize_DefaultGroups(string group, string verb, bool allowed)
    {
        var decision = new Authorizer().Authorize(new UserInfo("u", "1", [group]), verb);

        Assert.Equal(allowed, decision.Allowed);
        Assert.NotEmpty(decision.Reason);
    }

    [Fact]
    public void Authorize_ConfiguredReadOnlyGroup()
    {
        var authorizer = new Authorizer("viewers");

        Assert.True(authorizer.Authorize(new UserInfo("v", "1", ["viewers"]), "list").Allowed);
        Assert.False(authorizer.Authorize(new UserInfo("v", "1", ["actors:readonly"]), "list").Allowed);
        Assert.True(authorizer.Authorize(UserInfo.Admin, "deletecollection").Allowed);
    }
}
