namespace Actors.NodeAgent.Services;

/// <summary>
/// Round robin with fallback: connection number <c>turn</c> tries the endpoint after the previous
/// connection's first choice, then the others in order, so a refusing endpoint is skipped, not retried first.
/// </summary>
public static class EndpointRotation
{
    public static IEnumerable<int> Order(long turn, int count)
    {
        if (count <= 0)
        {
            yield break;
        }
        var start = (int)(((turn % count) + count) % count);
        for (var i = 0; i < count; i++)
        {
            yield return (start + i) % count;
        }
    }
}
