namespace Actors.Grains.Tests.ControlPlane;

/// <summary>Tests on a fresh in-process control plane with one hollow node, <c>node-a</c>.</summary>
public abstract class OneNodePlaneTests : IAsyncLifetime
{
    protected ControlPlaneHost Plane { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Plane = await ControlPlaneHost.StartAsync();
        await Plane.AddHollowNodeAsync("node-a");
    }

    public async ValueTask DisposeAsync()
    {
        await Plane.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
