namespace Actors.NodeAgent.Docker;

/// <summary>How the engine answered a request. Everything but <see cref="Ok"/> is a failure carried as a value.</summary>
public enum DockerResultKind
{
    Ok,
    /// <summary>The engine answered 404: no such container, image or exec instance.</summary>
    NotFound,
    /// <summary>The engine answered 409: a name already in use, a container not running, a removal in progress.</summary>
    Conflict,
    /// <summary>The socket is missing, refuses connections, or the engine did not answer in time.</summary>
    EngineUnavailable,
    /// <summary>Any other engine error (bad request, server error, a failed pull); the message says what.</summary>
    Error,
}
