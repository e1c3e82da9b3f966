using System.Buffers;
using System.Text;

namespace Actors.NodeAgent.Docker;

/// <summary>
/// Turns frames into lines per stream: a frame may end mid-line (the engine splits long lines, a TTY sends what it
/// has), so the unfinished tail of each stream waits for its next frame. With timestamps, the engine's leading
/// RFC 3339 time and space become <see cref="LogLine.Timestamp"/>.
/// </summary>
internal sealed class LogLineAssembler(bool timestamps)
{
    // A line longer than this is handed on in pieces rather than buffered without bound.
    private const int MaxLineBytes = 1024 * 1024;

    private readonly ArrayBufferWriter<byte> _stdout = new();
    private readonly ArrayBufferWriter<byte> _stderr = new();

    public IEnumerable<LogLine> Push(LogFrame frame)
    {
        var pending = frame.Stream == LogStream.Stderr ? _stderr : _stdout;
        var lines = new List<LogLine>();
        var rest = frame.Payload.AsSpan();
        while (true)
        {
            var newline = rest.IndexOf((byte)'\n');
            if (newline < 0)
            {
                break;
            }
            pending.Write(rest[..newline]);
            lines.Add(ToLine(frame.Stream, pending));
            rest = rest[(newline + 1)..];
        }
        pending.Write(rest);
        if (pending.WrittenCount > MaxLineBytes)
        {
            lines.Add(ToLine(frame.Stream, pending));
        }
        return lines;
    }

    /// <summary>The unfinished lines at the end of the stream.</summary>
    public IEnumerable<LogLine> Flush()
    {
        var lines = new List<LogLine>();
        if (_stdout.WrittenCount > 0)
        {
            lines.Add(ToLine(LogStream.Stdout, _stdout));
        }
        if (_stderr.WrittenCount > 0)
        {
            lines.Add(ToLine(LogStream.Stderr, _stderr));
        }
        return lines;
    }

    private LogLine ToLine(LogStream stream, ArrayBufferWriter<byte> pending)
    {
        var bytes = pending.WrittenSpan;
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }
        var text = Encoding.UTF8.GetString(bytes);
        pending.Clear();
        if (timestamps)
        {
            var space = text.IndexOf(' ');
            var stamp = space < 0 ? text : text[..space];
            if (DockerTime.TryParse(stamp, out var time))
            {
                return new LogLine(stream, space < 0 ? "" : text[(space + 1)..], time);
            }
        }
        return new LogLine(stream, text);
    }
}
