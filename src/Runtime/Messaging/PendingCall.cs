namespace Actors.Runtime.Messaging;

/// <summary>A request this silo sent and still waits on (Orleans' <c>CallbackData</c>).</summary>
internal abstract class PendingCall(SiloAddress target, long deadlineUnixMs)
{
    public SiloAddress Target { get; } = target;

    /// <summary>0 for none (streams time out per item in the consumer instead).</summary>
    public long DeadlineUnixMs { get; } = deadlineUnixMs;

    /// <summary>The connection the request went out on; only its peer may answer, and its loss fails the call.</summary>
    public SiloConnection? Connection { get; set; }

    public abstract void Fail(Exception exception);
}
