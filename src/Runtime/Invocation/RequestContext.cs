namespace Actors.Runtime;

/// <summary>
/// Flows with a request through its awaits and into the calls it makes, like Orleans' RequestContext.
/// Carries the call-chain id used for opt-in call-chain reentrancy.
/// </summary>
public static class RequestContext
{
    private static readonly AsyncLocal<CallChain?> Current = new();

    internal static CallChain? CurrentChain
    {
        get => Current.Value;
        set => Current.Value = value;
    }

    /// <summary>
    /// Within the returned scope, calls this grain makes may come back into it (A → B → A) instead of
    /// deadlocking until the response timeout.
    /// </summary>
    public static IDisposable AllowCallChainReentrancy()
    {
        var previous = Current.Value;
        Current.Value = new CallChain(previous?.Id ?? Guid.NewGuid().ToString("N"), AllowReentrancy: true);
        return new Restore(previous);
    }

    internal sealed record CallChain(string Id, bool AllowReentrancy)
    {
        public static CallChain New() => new(Guid.NewGuid().ToString("N"), AllowReentrancy: false);
    }

    private sealed class Restore(CallChain? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
