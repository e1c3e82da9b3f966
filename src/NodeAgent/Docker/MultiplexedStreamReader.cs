using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Actors.NodeAgent.Docker;

/// <summary>
/// Decodes the stream the engine sends for logs and exec of a container without a TTY: frames of an 8-byte header
/// (stream type, three zero bytes, big-endian payload length) followed by the payload. Reads wait for whole headers
/// and payloads, so frames split across network reads come out whole.
/// </summary>
internal static class MultiplexedStreamReader
{
    private const int HeaderLength = 8;
    private const byte StderrType = 2;

    public static async IAsyncEnumerable<LogFrame> ReadFramesAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var header = new byte[HeaderLength];
        while (true)
        {
            var read = await stream.ReadAtLeastAsync(header, HeaderLength, throwOnEndOfStream: false, cancellationToken);
            if (read < HeaderLength)
            {
                yield break;
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
            // Stdin echoed on the stream (type 0) is shown with stdout, as the engine's own client does.
            var kind = header[0] == StderrType ? LogStream.Stderr : LogStream.Stdout;
            if (length == 0)
            {
                continue;
            }
            var payload = new byte[length];
            read = await stream.ReadAtLeastAsync(payload, payload.Length, throwOnEndOfStream: false, cancellationToken);
            if (read < payload.Length)
            {
                // The engine went away mid-frame: hand on what arrived, then end.
                yield return new LogFrame(kind, payload[..read]);
                yield break;
            }
            yield return new LogFrame(kind, payload);
        }
    }

    /// <summary>The raw output of a TTY container, in chunks as they arrive.</summary>
    public static async IAsyncEnumerable<LogFrame> ReadRawAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                yield break;
            }
            yield return new LogFrame(LogStream.Stdout, buffer[..read]);
        }
    }
}
