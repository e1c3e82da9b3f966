namespace Actors.Runtime.Messaging;

public enum MessageDirection : byte
{
    Request = 0,
    Response = 1,
    OneWay = 2,
    /// <summary>The consumer of a streaming request stopped reading; the producer should stop (same <see cref="Message.Id"/>).</summary>
    StreamCancel = 3,
}

public enum ResponseKind : byte
{
    /// <summary>Not a response.</summary>
    None = 0,
    Success = 1,
    /// <summary>The grain method threw; the body carries the exception's type and message.</summary>
    Error = 2,
    /// <summary>
    /// The runtime refused the message (wrong silo, dead target, unknown method); the caller may reroute.
    /// When the transport itself rejects, the body is the UTF-8 reason.
    /// </summary>
    Rejection = 3,
    /// <summary>One item of an <c>IAsyncEnumerable</c> response; more follow.</summary>
    StreamItem = 4,
    /// <summary>The end of an <c>IAsyncEnumerable</c> response.</summary>
    StreamEnd = 5,
}

/// <summary>
/// A message between silos: a header (these properties) and an opaque body the grain layer serializes.
/// Responses carry the request's <see cref="Id"/> and go back to <see cref="SendingSilo"/>.
/// </summary>
public sealed class Message
{
    public long Id { get; set; }

    public MessageDirection Direction { get; set; }

    public ResponseKind Result { get; set; }

    public SiloAddress? SendingSilo { get; set; }

    public SiloAddress? TargetSilo { get; set; }

    public GrainId TargetGrain { get; set; }

    /// <summary>The interface's wire name (its full type name).</summary>
    public string InterfaceName { get; set; } = "";

    /// <summary>The method's wire name (name plus arity).</summary>
    public string MethodName { get; set; } = "";

    /// <summary>Admission flags copied from the method's attributes, so the target decides without reflection.</summary>
    public bool IsReadOnly { get; set; }

    public bool IsAlwaysInterleave { get; set; }

    /// <summary>The id of the call chain this request belongs to, for call-chain reentrancy.</summary>
    public string? CallChainId { get; set; }

    /// <summary>Unix milliseconds after which nobody waits for the answer; 0 for none.</summary>
    public long DeadlineUnixMs { get; set; }

    /// <summary>How many times a silo forwarded this request to where the activation now lives.</summary>
    public int ForwardCount { get; set; }

    public byte[] Body { get; set; } = [];

    public bool IsExpired(TimeProvider time) =>
        DeadlineUnixMs != 0 && time.GetUtcNow().ToUnixTimeMilliseconds() > DeadlineUnixMs;

    public Message CreateResponse(ResponseKind result, byte[] body) => new()
    {
        Id = Id,
        Direction = MessageDirection.Response,
        Result = result,
        SendingSilo = TargetSilo,
        TargetSilo = SendingSilo,
        TargetGrain = TargetGrain,
        InterfaceName = InterfaceName,
        MethodName = MethodName,
        Body = body,
    };
}
