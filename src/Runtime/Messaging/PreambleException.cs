namespace Actors.Runtime.Messaging;

/// <summary>A connection preamble failed: the peer was refused, refused us, or spoke garbage.</summary>
internal sealed class PreambleException(string message) : Exception(message);
