using Actors.NodeAgent.Docker;

namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>
/// An engine failure as the runtime failure the agent acts on: a missing container stays NotFound and an unreachable
/// engine stays EngineUnavailable whatever was asked; anything else is what the operation calls its failure.
/// </summary>
public static class RuntimeFailures
{
    public static RuntimeFailure From(DockerResultKind kind, RuntimeFailure otherwise) => kind switch
    {
        DockerResultKind.Ok => RuntimeFailure.None,
        DockerResultKind.NotFound => RuntimeFailure.NotFound,
        DockerResultKind.EngineUnavailable => RuntimeFailure.EngineUnavailable,
        _ => otherwise,
    };

    /// <summary>A failed create: the image vanishing between the check and the create is still a missing image.</summary>
    public static RuntimeFailure FromCreate(DockerResultKind kind) => kind switch
    {
        DockerResultKind.NotFound => RuntimeFailure.ImageNotPresent,
        DockerResultKind.EngineUnavailable => RuntimeFailure.EngineUnavailable,
        _ => RuntimeFailure.CreateFailed,
    };

    public static RuntimeResult ToResult(DockerResult result, RuntimeFailure otherwise) =>
        result.IsOk ? RuntimeResult.Ok : new RuntimeResult(From(result.Kind, otherwise), result.Message);

    public static RuntimeResult<T> Failed<T>(DockerResultKind kind, string? message, RuntimeFailure otherwise) =>
        RuntimeResult<T>.Failed(From(kind, otherwise), message ?? kind.ToString());
}
