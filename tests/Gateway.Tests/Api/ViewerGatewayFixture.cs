namespace Actors.Gateway.Tests.Api;

/// <summary>One gateway for a whole suite, with a read-only user beside the admin; each case writes names of its own.</summary>
public sealed class ViewerGatewayFixture : IAsyncLifetime
{
    /// <summary>The bearer token of user <c>viewer</c>, a member of the read-only group.</summary>
    public const string ReadOnlyToken = "viewer-token";

    internal GatewayTestServer Gateway { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Gateway = await GatewayTestServer.StartAsync($"{ReadOnlyToken},viewer,u-viewer,\"actors:readonly\"\n");

    public async ValueTask DisposeAsync() => await Gateway.DisposeAsync();
}
