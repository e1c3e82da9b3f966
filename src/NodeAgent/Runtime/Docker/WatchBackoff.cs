namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>
/// How long the event watch waits before reconnecting: doubling from the initial wait up to the maximum while the
/// engine keeps failing, back to the initial wait once a stream has delivered events. Never zero, so a stream that
/// opens and closes at once cannot spin.
/// </summary>
public static class WatchBackoff
{
    public static TimeSpan Next(TimeSpan previous, bool streamDelivered, TimeSpan initial, TimeSpan max)
    {
        if (streamDelivered || previous <= TimeSpan.Zero)
        {
            return initial;
        }
        var doubled = previous * 2;
        return doubled > max ? max : doubled;
    }
}
