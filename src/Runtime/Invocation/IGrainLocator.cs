namespace Actors.Runtime.Invocation;

/// <summary>Decides which silo a call to a grain goes to: where it is registered, or where placement puts it.</summary>
internal interface IGrainLocator
{
    ValueTask<SiloAddress> LocateAsync(GrainId grainId, GrainClass grainClass, CancellationToken cancellationToken);

    /// <summary>The cached location was wrong (the silo rejected the call); look it up again next time.</summary>
    void Invalidate(GrainId grainId);
}
