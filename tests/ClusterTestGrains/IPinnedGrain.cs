namespace Actors.ClusterTestGrains;

/// <summary>A grain pinned to the silo its key names, as node agents are.</summary>
public interface IPinnedGrain : IGrainWithStringKey
{
    Task<string> WhereAsync();
}
