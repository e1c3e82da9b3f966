namespace Actors.NodeAgent.Runtime;

/// <summary>Why a runtime operation did not happen; the agent turns each into the pod status Kubernetes shows.</summary>
public enum RuntimeFailure
{
    None,

    /// <summary>The image is not on the engine and may not or cannot be pulled (ErrImagePull / ImagePullBackOff).</summary>
    ImageNotPresent,

    /// <summary>The engine refused the container's configuration (CreateContainerError).</summary>
    CreateFailed,

    /// <summary>The container was created but would not start (RunContainerError).</summary>
    StartFailed,

    NotFound,

    /// <summary>The engine is not reachable (socket gone, daemon stopped).</summary>
    EngineUnavailable,

    /// <summary>The engine refused a stop, removal, exec or log request for another reason; the message says why.</summary>
    EngineError,
}

/// <summary>The outcome of a runtime operation that returns nothing.</summary>
public sealed record RuntimeResult(RuntimeFailure Failure, string? Message = null)
{
    public static readonly RuntimeResult Ok = new(RuntimeFailure.None);

    public bool IsOk => Failure == RuntimeFailure.None;
}

/// <summary>The outcome of a runtime operation that returns a value when it succeeds.</summary>
public sealed record RuntimeResult<T>(RuntimeFailure Failure, T? Value, string? Message = null)
{
    public bool IsOk => Failure == RuntimeFailure.None;

    public static RuntimeResult<T> Success(T value) => new(RuntimeFailure.None, value);

    public static RuntimeResult<T> Failed(RuntimeFailure failure, string message) => new(failure, default, message);
}
