namespace Actors.Grains.Abstractions.Selectors;

/// <summary>One field selector term: <c>spec.nodeName=node-1</c> or <c>status.phase!=Failed</c>.</summary>
public sealed record FieldRequirement(string Field, bool Negated, string Value)
{
    public bool Matches(string fieldValue) => Negated ? fieldValue != Value : fieldValue == Value;

    public override string ToString() => Field + (Negated ? "!=" : "=") + FieldSelector.Escape(Value);
}
