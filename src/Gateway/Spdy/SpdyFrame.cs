namespace Actors.Gateway.Spdy;

/// <summary>The SPDY/3 frames a server reads; <see cref="SpdyFrameType.Data"/> for data frames.</summary>
internal enum SpdyFrameType
{
    Data = 0,
    SynStream = 1,
    SynReply = 2,
    RstStream = 3,
    Settings = 4,
    Ping = 6,
    GoAway = 7,
    Headers = 8,
    WindowUpdate = 9,
}

/// <summary>
/// One frame as read: its stream (or ping id), its flags, the headers of a SYN_STREAM or HEADERS frame and the
/// payload of a data frame. <see cref="Headers"/> is null when a header block could not be read.
/// </summary>
internal sealed record SpdyFrame(SpdyFrameType Type, int StreamId, byte Flags, Dictionary<string, string>? Headers, byte[] Data)
{
    public const byte Fin = 0x01;

    public bool IsFin => (Flags & Fin) != 0;
}
