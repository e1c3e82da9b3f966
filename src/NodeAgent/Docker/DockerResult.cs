namespace Actors.NodeAgent.Docker;

/// <summary>The outcome of an engine request that returns nothing on success.</summary>
public sealed record DockerResult(DockerResultKind Kind, string? Message = null)
{
    public static readonly DockerResult Success = new(DockerResultKind.Ok);

    public bool IsOk => Kind == DockerResultKind.Ok;

    public static DockerResult Failure(DockerResultKind kind, string message) => new(kind, message);

    public override string ToString() => IsOk ? "Ok" : $"{Kind}: {Message}";
}
