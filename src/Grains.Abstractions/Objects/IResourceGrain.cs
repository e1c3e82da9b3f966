using Actors.Concurrency;

namespace Actors.Grains.Abstractions.Objects;

/// <summary>
/// The one writer of one Kubernetes object. Objects cross the grain boundary as JSON text, the API's own wire
/// form, so nothing is lost between the gateway and storage. LIST and WATCH do not come here: they read the
/// object store directly on the silo that serves them.
/// </summary>
public interface IResourceGrain : IGrainWithStringKey
{
    Task<ObjectWriteResult> CreateAsync(string json);

    /// <summary>Replaces spec and metadata (PUT); status is kept. A resourceVersion in the body must match.</summary>
    Task<ObjectWriteResult> UpdateAsync(string json);

    /// <summary>Replaces status only (the /status subresource and node agents).</summary>
    Task<ObjectWriteResult> UpdateStatusAsync(string json);

    Task<ObjectWriteResult> DeleteAsync(DeleteRequest request);

    [ReadOnly]
    Task<string?> GetAsync();
}
