namespace Actors.Runtime.Invocation;

/// <summary>Single-silo mode: every grain lives here.</summary>
internal sealed class LocalOnlyLocator(SiloAddress silo) : IGrainLocator
{
    public ValueTask<SiloAddress> LocateAsync(GrainId grainId, GrainClass grainClass, CancellationToken cancellationToken) => ValueTask.FromResult(silo);

    public void Invalidate(GrainId grainId)
    {
    }
}
