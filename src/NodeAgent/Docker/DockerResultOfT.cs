using System.Diagnostics.CodeAnalysis;

namespace Actors.NodeAgent.Docker;

/// <summary>The outcome of an engine request: a value on success, otherwise the failure kind and the engine's message.</summary>
public sealed record DockerResult<T>(DockerResultKind Kind, T? Value, string? Message)
{
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsOk => Kind == DockerResultKind.Ok && Value is not null;

    public static DockerResult<T> Success(T value) => new(DockerResultKind.Ok, value, null);

    public static DockerResult<T> Failure(DockerResultKind kind, string message) => new(kind, default, message);

    /// <summary>Carries a failure of another request over to this result type.</summary>
    public static DockerResult<T> From(DockerResult failure) =>
        new(failure.Kind == DockerResultKind.Ok ? DockerResultKind.Error : failure.Kind, default, failure.Message);

    /// <summary>The same failure without its value type, for callers that only need the outcome.</summary>
    public DockerResult WithoutValue() => IsOk ? DockerResult.Success : DockerResult.Failure(Kind, Message ?? Kind.ToString());

    public override string ToString() => IsOk ? $"Ok: {Value}" : $"{Kind}: {Message}";
}
