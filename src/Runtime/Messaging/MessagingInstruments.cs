using System.Diagnostics.Metrics;

namespace Actors.Runtime.Messaging;

/// <summary>Transport metrics on the runtime's meter, named after Orleans' messaging and networking instruments.</summary>
internal static class MessagingInstruments
{
    public const string MeterName = "Actors.Runtime";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> MessagesSent = Meter.CreateCounter<long>("orleans-messaging-sent-messages");
    public static readonly Counter<long> MessagesReceived = Meter.CreateCounter<long>("orleans-messaging-received-messages");
    public static readonly Counter<long> BytesSent = Meter.CreateCounter<long>("orleans-messaging-sent-bytes", "By");
    public static readonly Counter<long> BytesReceived = Meter.CreateCounter<long>("orleans-messaging-received-bytes", "By");
    public static readonly Counter<long> Expired = Meter.CreateCounter<long>("orleans-messaging-expired");
    public static readonly Counter<long> Rejected = Meter.CreateCounter<long>("orleans-messaging-rejected");
    public static readonly Counter<long> TimedOut = Meter.CreateCounter<long>("orleans-app-requests-timedout");
    public static readonly UpDownCounter<long> Connections = Meter.CreateUpDownCounter<long>("orleans-networking-connections");
    public static readonly Counter<long> ConnectionsRefused = Meter.CreateCounter<long>("orleans-networking-connections-refused");
}
