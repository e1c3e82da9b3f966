namespace Actors.Runtime.Messaging;

/// <summary>
/// Remembers the last few silo addresses one connection decoded, so the reader does not allocate an
/// <see cref="System.Net.IPEndPoint"/> per message: a connection carries the same two or three addresses.
/// Used by a single reader loop, so not thread-safe.
/// </summary>
public sealed class SiloAddressCache
{
    private const int Capacity = 4;

    private readonly byte[][] _keys = new byte[Capacity][];
    private readonly SiloAddress[] _values = new SiloAddress[Capacity];
    private int _count;
    private int _next;

    public SiloAddress? TryGet(ReadOnlySpan<byte> encoded)
    {
        for (var i = 0; i < _count; i++)
        {
            if (encoded.SequenceEqual(_keys[i]))
            {
                return _values[i];
            }
        }
        return null;
    }

    public void Add(ReadOnlySpan<byte> encoded, SiloAddress silo)
    {
        _keys[_next] = encoded.ToArray();
        _values[_next] = silo;
        _next = (_next + 1) % Capacity;
        _count = Math.Min(_count + 1, Capacity);
    }
}
