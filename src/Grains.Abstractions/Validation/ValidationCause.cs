namespace Actors.Grains.Abstractions.Validation;

/// <summary>One field error as it appears in <c>Status.details.causes</c>.</summary>
/// <param name="Reason">One of <see cref="ValidationReasons"/>.</param>
/// <param name="Message">E.g. <c>Invalid value: "Foo": a lowercase RFC 1123 label must ...</c>.</param>
/// <param name="Field">The path, e.g. <c>spec.template.spec.containers[0].name</c>.</param>
public sealed record ValidationCause(string Reason, string Message, string Field)
{
    /// <summary>The form used inside Kubernetes' Invalid message: <c>field: message</c>.</summary>
    public override string ToString() => Field + ": " + Message;
}
