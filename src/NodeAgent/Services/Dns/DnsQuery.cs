namespace Actors.NodeAgent.Services.Dns;

/// <summary>
/// A query as read off the wire (RFC 1035 §4.1): the header fields a response must echo and its one question.
/// <see cref="Question"/> holds the question's bytes as received, echoed verbatim in the answer.
/// <see cref="Malformed"/> is set when the header was readable but the rest was not (answered FORMERR).
/// </summary>
public sealed record DnsQuery(ushort Id, int Opcode, bool RecursionDesired, string Name, ushort Type, ushort Class, byte[] Question, bool Malformed);

/// <summary>The response codes this server gives (RFC 1035 §4.1.1).</summary>
public enum DnsResponseCode
{
    NoError = 0,
    FormatError = 1,
    ServerFailure = 2,
    NameError = 3,
    NotImplemented = 4,
    Refused = 5,
}

/// <summary>Record types (RFC 1035 §3.2.2, RFC 3596 for AAAA).</summary>
public static class DnsType
{
    public const ushort A = 1;
    public const ushort Aaaa = 28;
    public const ushort Any = 255;
    public const ushort ClassIn = 1;
}
