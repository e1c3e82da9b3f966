namespace Actors.Runtime.Messaging;

/// <summary>The sink handed over with one-way messages: nobody waits for an answer.</summary>
internal sealed class NullResponseSink : IResponseSink
{
    public static readonly NullResponseSink Instance = new();

    public CancellationToken Cancelled => CancellationToken.None;

    public void Respond(ResponseKind result, byte[] body)
    {
    }

    public bool SendStreamItem(byte[] body) => false;

    public void CompleteStream()
    {
    }
}
