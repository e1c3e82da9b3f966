namespace Actors.Grains.Abstractions.Selectors;

/// <summary>A label requirement's operator.</summary>
public enum SelectorOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
    GreaterThan,
    LessThan,
}
