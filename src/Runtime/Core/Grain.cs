using Actors.Runtime;

namespace Actors;

/// <summary>
/// Base class of every grain. The runtime attaches the activation before <see cref="OnActivateAsync"/>;
/// everything here is only valid from inside the grain's own turns.
/// </summary>
public abstract class Grain : IGrainBase
{
    private IActivationContext? _context;

    IActivationContext IGrainBase.Context => Context;

    internal IActivationContext Context =>
        _context ?? throw new InvalidOperationException("The grain is not attached to an activation: it was not created by the runtime.");

    public GrainId GrainId => Context.GrainId;

    /// <summary>The grain's identity as <c>type/key</c>, for logs.</summary>
    public string IdentityString => GrainId.ToString();

    public string GetPrimaryKeyString() => GrainId.Key;

    public IGrainFactory GrainFactory => Context.GrainFactory;

    public IServiceProvider ServiceProvider => Context.ServiceProvider;

    public SiloAddress RuntimeSilo => Context.Silo;

    internal void Attach(IActivationContext context) => _context = context;

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivate when the current turn completes.</summary>
    protected void DeactivateOnIdle() =>
        Context.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));

    /// <summary>Move to the silo placement prefers now, once idle (Orleans 8+ live migration).</summary>
    protected void MigrateOnIdle() => Context.MigrateOnIdle();

    /// <summary>Keep the activation for at least <paramref name="timeSpan"/> even when idle.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => Context.DelayDeactivation(timeSpan);
}

/// <summary>What grain extension methods need from a grain; implemented by <see cref="Grain"/>.</summary>
public interface IGrainBase
{
    internal IActivationContext Context { get; }
}
