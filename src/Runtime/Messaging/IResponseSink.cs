namespace Actors.Runtime.Messaging;

/// <summary>
/// How the runtime answers one inbound request: exactly one <see cref="Respond"/>, or any number of
/// <see cref="SendStreamItem"/> followed by <see cref="CompleteStream"/> (or a final <see cref="Respond"/>
/// with Error/Rejection). Calls after the final answer are ignored. For one-way messages every call is a no-op.
/// </summary>
public interface IResponseSink
{
    /// <summary>Cancelled when the caller stops consuming a stream, its connection closes, or this silo stops.</summary>
    CancellationToken Cancelled { get; }

    /// <summary>Sends the final answer: <see cref="ResponseKind.Success"/>, <see cref="ResponseKind.Error"/> or <see cref="ResponseKind.Rejection"/>.</summary>
    void Respond(ResponseKind result, byte[] body);

    /// <summary>Sends one item of a streaming response; false once the consumer is gone or the stream is complete.</summary>
    bool SendStreamItem(byte[] body);

    /// <summary>Ends a streaming response.</summary>
    void CompleteStream();
}
