using Actors.Runtime.Invocation;
using Actors.Serialization;

namespace Actors.Runtime.Activation;

/// <summary>
/// The items of a streaming grain method. Each step runs on the activation's scheduler, so grain code stays
/// single-threaded, but between steps the activation admits other requests (a log follow must not block it).
/// </summary>
internal sealed class ActivationBoundEnumerable(ActivationData activation, GrainMethod method, object source) : IAsyncEnumerable<object?>
{
    public async IAsyncEnumerator<object?> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var enumerator = await activation.RunOnSchedulerAsync(() =>
            Task.FromResult(method.AsObjects!(source).GetAsyncEnumerator(cancellationToken)));
        try
        {
            while (await activation.RunOnSchedulerAsync(() => enumerator.MoveNextAsync().AsTask()))
            {
                yield return method.ResultIsImmutable ? enumerator.Current : GrainSerializer.DeepCopy(enumerator.Current, method.ResultType!);
            }
        }
        finally
        {
            await activation.RunOnSchedulerAsync(async () =>
            {
                await enumerator.DisposeAsync();
                return true;
            });
        }
    }
}
