namespace Actors.Runtime.Messaging;

/// <summary>A frame violates the wire format or its limits; the connection that carried it is closed.</summary>
public sealed class MessageCodecException(string message) : Exception(message);
