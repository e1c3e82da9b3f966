namespace Actors.Runtime.Invocation;

/// <summary>Lets the silo choose local-only or directory location after the call path is built.</summary>
internal sealed class SwitchableLocator(IGrainLocator inner) : IGrainLocator
{
    public IGrainLocator Inner { get; set; } = inner;

    public ValueTask<SiloAddress> LocateAsync(GrainId grainId, GrainClass grainClass, CancellationToken cancellationToken) =>
        Inner.LocateAsync(grainId, grainClass, cancellationToken);

    public void Invalidate(GrainId grainId) => Inner.Invalidate(grainId);
}
