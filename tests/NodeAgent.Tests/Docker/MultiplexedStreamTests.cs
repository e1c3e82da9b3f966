using System.Buffers.Binary;
using System.Text;
using Actors.NodeAgent.Docker;

namespace Actors.NodeAgent.Tests.Docker;

[Trait("Category", "Unit")]
public sealed class MultiplexedStreamTests
{
    private static byte[] Frame(byte type, string payload)
    {
        var bytes = Encoding.UTF8.GetBytes(payload);
        var frame = new byte[8 + bytes.Length];
        frame[0] = type;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)bytes.Length);
        bytes.CopyTo(frame, 8);
        return frame;
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static async Task<List<LogLine>> DecodeAsync(byte[] data, int[] chunkSizes, bool timestamps = false)
    {
        var assembler = new LogLineAssembler(timestamps);
        var lines = new List<LogLine>();
        await foreach (var frame in MultiplexedStreamReader.ReadFramesAsync(new TrickleStream(data, chunkSizes), CancellationToken.None))
        {
            lines.AddRange(assembler.Push(frame));
        }
        lines.AddRange(assembler.Flush());
        return lines;
    }

    public static TheoryData<int[]> ChunkSizes => new([1], [3], [1, 7, 2], [5, 11], [9], [4096]);

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public async Task Frames_split_across_reads_decode_to_the_same_lines_and_streams(int[] chunkSizes)
    {
        var data = Concat(
            Frame(1, "out one\nout two\n"),
            Frame(2, "err one\n"),
            Frame(1, "out thr"),
            Frame(2, "err tw"),
            Frame(1, "ee\r\n"),
            Frame(2, "o\n"),
            Frame(1, "tail without newline"));

        var lines = await DecodeAsync(data, chunkSizes);

        Assert.Equal(
            [
                new LogLine(LogStream.Stdout, "out one"),
                new LogLine(LogStream.Stdout, "out two"),
                new LogLine(LogStream.Stderr, "err one"),
                new LogLine(LogStream.Stdout, "out three"),
                new LogLine(LogStream.Stderr, "err two"),
                new LogLine(LogStream.Stdout, "tail without newline"),
            ],
            lines);
    }

    [Fact]
    public async Task Stdin_frames_count_as_stdout_and_empty_frames_are_skipped()
    {
        var data = Concat(Frame(0, "typed\n"), Frame(1, ""), Frame(2, "e\n"));

        var lines = await DecodeAsync(data, [2]);

        Assert.Equal([new LogLine(LogStream.Stdout, "typed"), new LogLine(LogStream.Stderr, "e")], lines);
    }

    [Fact]
    public async Task A_frame_cut_off_by_the_engine_yields_what_arrived_then_ends()
    {
        var whole = Frame(1, "complete\n");
        var cut = Frame(1, "partial line that never ends\n")[..15];

        var lines = await DecodeAsync(Concat(whole, cut), [4]);

        Assert.Equal([new LogLine(LogStream.Stdout, "complete"), new LogLine(LogStream.Stdout, "partial")], lines);
    }

    [Fact]
    public async Task A_truncated_header_ends_the_stream_without_a_line()
    {
        var lines = await DecodeAsync(Concat(Frame(2, "x\n"), [1, 0, 0]), [1]);

        Assert.Equal([new LogLine(LogStream.Stderr, "x")], lines);
    }

    [Fact]
    public async Task Timestamps_become_the_line_time_with_nanoseconds_dropped_past_ticks()
    {
        var data = Frame(1, "2024-05-01T10:20:30.123456789Z hello world\n");

        var lines = await DecodeAsync(data, [6], timestamps: true);

        var line = Assert.Single(lines);
        Assert.Equal("hello world", line.Text);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 20, 30, TimeSpan.Zero).AddTicks(1234567), line.Timestamp);
    }

    [Fact]
    public async Task Raw_tty_output_is_split_into_lines_on_stdout()
    {
        var data = Encoding.UTF8.GetBytes("one\r\ntwo\r\nthr");
        var assembler = new LogLineAssembler(timestamps: false);
        var lines = new List<LogLine>();
        await foreach (var frame in MultiplexedStreamReader.ReadRawAsync(new TrickleStream(data, [3]), CancellationToken.None))
        {
            lines.AddRange(assembler.Push(frame));
        }
        lines.AddRange(assembler.Flush());

        Assert.Equal(["one", "two", "thr"], lines.Select(l => l.Text));
        Assert.All(lines, l => Assert.Equal(LogStream.Stdout, l.Stream));
    }
}
