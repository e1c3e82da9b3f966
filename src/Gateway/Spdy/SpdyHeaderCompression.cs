using System.Buffers.Binary;
using System.IO.Compression;

namespace Actors.Gateway.Spdy;

/// <summary>
/// The header compression of one SPDY session, one direction each: a single zlib stream with the SPDY dictionary
/// runs through every header block of the session, each block flushed to a byte boundary.
/// <para>
/// Reading: .NET's inflater takes no preset dictionary, so it is primed with a stored deflate block holding the
/// dictionary, whose output is dropped; back-references into the dictionary then resolve against its window.
/// Writing: stored blocks only (header blocks are small), after a zlib header that names the dictionary, which
/// any zlib reader accepts; each frame's blocks end with the empty stored block of a sync flush.
/// </para>
/// </summary>
internal sealed class SpdyHeaderCompression : IDisposable
{
    private const int ZlibHeaderLength = 6;

    private readonly FeedStream _compressed = new();
    private readonly DeflateStream _inflater;
    private bool _readHeaderSkipped;
    private bool _writeHeaderSent;

    public SpdyHeaderCompression()
    {
        _inflater = new DeflateStream(_compressed, CompressionMode.Decompress, leaveOpen: true);
        _compressed.Feed(StoredBlock(SpdyDictionary.Bytes));
        var primed = Drain();
        if (primed.Length != SpdyDictionary.Bytes.Length)
        {
            throw new InvalidOperationException("the inflater did not take the SPDY dictionary");
        }
    }

    /// <summary>The header block in one frame's compressed bytes; null when they are not a whole block.</summary>
    public Dictionary<string, string>? Inflate(ReadOnlySpan<byte> compressed)
    {
        if (!_readHeaderSkipped)
        {
            // The stream's first bytes: the zlib header, with the dictionary flag, and the dictionary's id.
            if (compressed.Length < ZlibHeaderLength || (compressed[1] & 0x20) == 0 || BinaryPrimitives.ReadUInt32BigEndian(compressed[2..]) != SpdyDictionary.Id)
            {
                return null;
            }
            compressed = compressed[ZlibHeaderLength..];
            _readHeaderSkipped = true;
        }
        _compressed.Feed(compressed.ToArray());
        try
        {
            return SpdyHeaderBlock.Decode(Drain());
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The compressed bytes of a header block for the next frame this session sends.</summary>
    public byte[] Deflate(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        using var output = new MemoryStream();
        if (!_writeHeaderSent)
        {
            // CMF 0x78 (deflate, 32 KiB window); FLG 0x20 (a preset dictionary; 0x7820 is a multiple of 31).
            output.Write([0x78, 0x20]);
            Span<byte> id = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(id, SpdyDictionary.Id);
            output.Write(id);
            _writeHeaderSent = true;
        }
        output.Write(StoredBlock(SpdyHeaderBlock.Encode(headers)));
        // An empty stored block ends the frame as zlib's sync flush does; readers (Go's) hand out the data on it
        // rather than reading on for the next block header.
        output.Write(StoredBlock([]));
        return output.ToArray();
    }

    public void Dispose()
    {
        _inflater.Dispose();
        _compressed.Dispose();
    }

    /// <summary>Stored (uncompressed) deflate blocks, not final, of at most 65,535 bytes each.</summary>
    private static byte[] StoredBlock(ReadOnlySpan<byte> data)
    {
        using var blocks = new MemoryStream();
        do
        {
            var length = Math.Min(data.Length, ushort.MaxValue);
            blocks.WriteByte(0);
            blocks.WriteByte((byte)length);
            blocks.WriteByte((byte)(length >> 8));
            blocks.WriteByte((byte)~length);
            blocks.WriteByte((byte)(~length >> 8));
            blocks.Write(data[..length]);
            data = data[length..];
        }
        while (data.Length > 0);
        return blocks.ToArray();
    }

    /// <summary>Everything the inflater can give from what it was fed.</summary>
    private byte[] Drain()
    {
        using var output = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        while ((read = _inflater.Read(buffer)) > 0)
        {
            output.Write(buffer, 0, read);
        }
        return output.ToArray();
    }

    /// <summary>The inflater's input: what was fed, then "no more for now" until the next frame is fed.</summary>
    private sealed class FeedStream : Stream
    {
        private readonly Queue<byte[]> _chunks = new();
        private byte[] _current = [];
        private int _offset;

        public void Feed(byte[] chunk) => _chunks.Enqueue(chunk);

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (_offset == _current.Length)
            {
                if (!_chunks.TryDequeue(out var next))
                {
                    return 0;
                }
                (_current, _offset) = (next, 0);
            }
            var read = Math.Min(count, _current.Length - _offset);
            Array.Copy(_current, _offset, buffer, offset, read);
            _offset += read;
            return read;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
