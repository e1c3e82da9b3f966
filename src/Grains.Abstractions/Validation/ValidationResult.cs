namespace Actors.Grains.Abstractions.Validation;

/// <summary>The outcome of validating an object: valid when there are no causes.</summary>
public sealed class ValidationResult(IReadOnlyList<ValidationCause> causes)
{
    public static ValidationResult Valid { get; } = new([]);

    public IReadOnlyList<ValidationCause> Causes { get; } = causes;

    public bool IsValid => Causes.Count == 0;

    /// <summary>
    /// Kubernetes' 422 message: <c>Deployment.apps "bad" is invalid: spec.replicas: Invalid value: -1: ...</c>, with
    /// several causes in brackets separated by ", ".
    /// </summary>
    public string FormatMessage(string qualifiedKind, string? name)
    {
        var prefix = $"{qualifiedKind} \"{name}\" is invalid";
        return Causes.Count switch
        {
            0 => prefix,
            1 => prefix + ": " + Causes[0],
            _ => prefix + ": [" + string.Join(", ", Causes) + "]",
        };
    }
}
