namespace Actors.Grains.Abstractions.Validation;

/// <summary>A value printed as is in an Invalid message (Go's <c>%#v</c> of a map or struct is not quoted).</summary>
internal sealed record RawFieldValue(string Text)
{
    public override string ToString() => Text;
}
