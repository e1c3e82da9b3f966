using System.Collections.Concurrent;
using Actors.Runtime.Invocation;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Activation;

/// <summary>
/// The activations of this silo by grain id (Orleans' Catalog): creates them on first message, collects idle
/// ones, and removes them when they deactivate.
/// </summary>
internal sealed partial class Catalog(GrainManifest manifest, ILogger<Catalog> logger)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private ActivationServices? _services;

    /// <summary>Registers the activation with the directory; returns false when another silo's activation won.</summary>
    public Func<ActivationData, Task<bool>> RegisterAsync { get; set; } = _ => Task.FromResult(true);

    public Func<ActivationData, Task> UnregisterAsync { get; set; } = _ => Task.CompletedTask;

    /// <summary>Where waiting work of a deactivated activation goes: back through the call path.</summary>
    public Action<WorkItem, GrainId> Reroute { get; set; } = (item, _) => item.Reject(new GrainCallException("The activation was deactivated."));

    /// <summary>Whether placement wants a new activation of this grain here; otherwise the call goes to the silo it prefers.</summary>
    public Func<GrainId, GrainClass, bool> ShouldHost { get; set; } = (_, _) => true;

    public const int MaxForwardCount = 2;

    public int Count => _activations.Count;

    public IEnumerable<ActivationData> Activations => _activations.Values;

    public void Initialize(ActivationServices services) => _services = services;

    public bool TryGet(GrainId grainId, out ActivationData activation) => _activations.TryGetValue(grainId, out activation!);

    /// <summary>
    /// Queues the work item into this silo's activation of the grain, creating the activation if needed.
    /// When another silo's activation wins the registration, the work is rerouted to it.
    /// </summary>
    public async ValueTask EnqueueAsync(GrainId grainId, WorkItem item)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (_activations.TryGetValue(grainId, out var existing))
            {
                if (existing.TryEnqueue(item))
                {
                    return;
                }
                // It is deactivating: wait until it is gone so the next one does not overlap it.
                await existing.DeactivateAsync(default);
                continue;
            }
            var grainClass = manifest.GetClass(grainId.Type);
            if (item is RequestWorkItem { ForwardCount: < MaxForwardCount } && !ShouldHost(grainId, grainClass))
            {
                // A stale cached location sent the call here; the grain now belongs elsewhere.
                Reroute(item, grainId);
                return;
            }
            var activation = new ActivationData(grainId, grainClass, Services);
            if (!_activations.TryAdd(grainId, activation))
            {
                continue;
            }
            activation.TryEnqueue(item);
            bool registered;
            try
            {
                registered = await RegisterAsync(activation);
            }
            catch (Exception exception)
            {
                _activations.TryRemove(KeyValuePair.Create(grainId, activation));
                activation.Abandon(new GrainCallException($"{grainId} could not be registered in the grain directory: {exception.Message}"));
                return;
            }
            if (!registered)
            {
                _activations.TryRemove(KeyValuePair.Create(grainId, activation));
                LogLostRegistration(logger, grainId);
                foreach (var waiting in activation.Abandon(null))
                {
                    Reroute(waiting, grainId);
                }
                return;
            }
            _ = ActivateInBackground(activation);
            return;
        }
        item.Reject(new GrainCallException($"{grainId} could not be activated: it kept deactivating."));
    }

    private async Task ActivateInBackground(ActivationData activation)
    {
        try
        {
            await activation.ActivateAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            // ActivateAsync logged it and failed the waiting callers; only the bookkeeping is left.
            _activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));
            await UnregisterAsync(activation);
        }
    }

    internal async Task OnDeactivatedAsync(ActivationData activation, IReadOnlyList<WorkItem> leftovers)
    {
        _activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));
        try
        {
            await UnregisterAsync(activation);
        }
        catch (Exception exception)
        {
            LogUnregisterFailed(logger, activation.GrainId, exception);
        }
        foreach (var item in leftovers)
        {
            Reroute(item, activation.GrainId);
        }
    }

    /// <summary>Deactivates activations idle for longer than their collection age.</summary>
    public int CollectIdle(TimeSpan defaultAge)
    {
        var collected = 0;
        foreach (var activation in _activations.Values)
        {
            if (activation.State != ActivationState.Valid || activation.GrainClass.IsKeepAlive || activation.IsKeptAlive || !activation.IsIdle)
            {
                continue;
            }
            var age = activation.GrainClass.CollectionAge ?? defaultAge;
            if (activation.IdleTime >= age)
            {
                activation.Deactivate(new DeactivationReason(DeactivationReasonCode.ActivationIdle, $"Idle for {age}."));
                collected++;
            }
        }
        return collected;
    }

    public Task DeactivateAllAsync(DeactivationReason reason) =>
        Task.WhenAll(_activations.Values.Select(a => a.DeactivateAsync(reason)));

    private ActivationServices Services => _services ?? throw new InvalidOperationException("The catalog is not initialized.");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Another silo's activation of {GrainId} is registered; forwarding there")]
    private static partial void LogLostRegistration(ILogger logger, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unregistering {GrainId} failed; the dead-silo cleanup will remove it")]
    private static partial void LogUnregisterFailed(ILogger logger, GrainId grainId, Exception exception);
}
