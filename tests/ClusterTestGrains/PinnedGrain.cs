using Actors.Placement;

namespace Actors.ClusterTestGrains;

[PinnedToSiloNamePlacement]
public sealed class PinnedGrain : Grain, IPinnedGrain
{
    public Task<string> WhereAsync() => Task.FromResult(RuntimeSilo.ToParsableString());
}
