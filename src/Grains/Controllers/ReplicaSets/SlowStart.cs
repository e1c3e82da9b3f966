namespace Actors.Grains.Controllers.ReplicaSets;

/// <summary>
/// Creates in batches that double (1, 2, 4, …), as Kubernetes' replica set controller does: a burst runs mostly in
/// parallel, so its writes share commits, while a template that every create rejects costs one failed call, not
/// a hundred.
/// </summary>
public static class SlowStart
{
    public static IEnumerable<int> Batches(int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        var size = 1;
        for (var remaining = total; remaining > 0; remaining -= size, size *= 2)
        {
            size = Math.Min(size, remaining);
            yield return size;
        }
    }
}
