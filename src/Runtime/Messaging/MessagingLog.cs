using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Messaging;

internal static partial class MessagingLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Silo {Silo} listening for silo connections on {Endpoint}")]
    public static partial void Listening(ILogger logger, SiloAddress silo, string endpoint);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Connected to {Peer} ({Direction})")]
    public static partial void Connected(ILogger logger, SiloAddress peer, string direction);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Connection to {Peer} closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, SiloAddress peer, string reason);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Refused connection from {Remote}: {Reason}")]
    public static partial void InboundRefused(ILogger logger, string remote, string reason);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Could not connect to {Peer}: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, SiloAddress peer, string reason);

    [LoggerMessage(EventId = 105, Level = LogLevel.Debug, Message = "Dropped expired {Direction} {Id} from {Sender} to {Grain}")]
    public static partial void DroppedExpired(ILogger logger, MessageDirection direction, long id, SiloAddress? sender, GrainId grain);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "Rejected {Direction} {Id} from {Sender}: {Reason}")]
    public static partial void Rejected(ILogger logger, MessageDirection direction, long id, SiloAddress? sender, string reason);

    [LoggerMessage(EventId = 107, Level = LogLevel.Error, Message = "Request handler failed for {Id} to {Grain}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, long id, GrainId grain);

    [LoggerMessage(EventId = 108, Level = LogLevel.Error, Message = "Could not send message {Id} to {Peer}")]
    public static partial void Unsendable(ILogger logger, Exception exception, long id, SiloAddress peer);

    [LoggerMessage(EventId = 109, Level = LogLevel.Warning, Message = "Silo {Silo} marked dead: failed {Count} pending calls and closed its connections")]
    public static partial void MarkedDead(ILogger logger, SiloAddress silo, int count);

    [LoggerMessage(EventId = 110, Level = LogLevel.Warning, Message = "Traffic to and from {Endpoint} is now {State} (fault injection)")]
    public static partial void PeerBlocked(ILogger logger, string endpoint, string state);
}
