namespace Actors.Grains.Abstractions.Selectors;

/// <summary>A label or field selector that cannot be parsed; the message is meant for the client (400).</summary>
public sealed class LabelSelectorParseException(string message) : FormatException(message);
