namespace Actors.Runtime.Messaging;

/// <summary>Where the handler of an inbound request sends its answer (or the items of a streamed answer).</summary>
public interface IResponseSink
{
    /// <summary>Cancelled when the caller stops consuming a streamed answer or the connection closes.</summary>
    CancellationToken Aborted { get; }

    void Send(Message response);
}
