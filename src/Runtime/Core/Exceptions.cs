namespace Actors.Runtime;

/// <summary>The target silo is dead, unreachable or not the right generation; the call did not run there.</summary>
public sealed class SiloUnavailableException(string message) : Exception(message);

/// <summary>A grain call failed in the runtime rather than in grain code (unknown interface or method, rejected message).</summary>
public sealed class GrainCallException(string message) : Exception(message);

/// <summary>
/// A grain method threw; the callee's exception type and message are carried across silos,
/// since exception objects themselves are not serialized.
/// </summary>
public sealed class GrainException(string remoteType, string message, string? remoteStackTrace)
    : Exception($"{remoteType}: {message}")
{
    public string RemoteType { get; } = remoteType;

    public string RemoteMessage { get; } = message;

    public string? RemoteStackTrace { get; } = remoteStackTrace;
}
