using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using Actors.Grains.Abstractions.Objects;
using Actors.NodeAgent.Agent.Streams;
using Actors.NodeAgent.Runtime;
using Actors.TestSupport;

namespace Actors.NodeAgent.Tests.Agent;

[Trait("Category", "Unit")]
public sealed class StreamSessionsTests
{
    [Fact]
    public async Task Output_is_read_in_order_then_the_end_with_the_exit_code()
    {
        var process = new ScriptedProcess(exitCode: 3);
        var sessions = new StreamSessions(TimeProvider.System);
        var id = sessions.Open(process);

        await process.WriteAsync(StreamChunk.Stdout, "one");
        await process.WriteAsync(StreamChunk.Stderr, "two");
        await process.WriteAsync(StreamChunk.Stdout, "three");
        process.Exit();
        var chunks = new List<StreamChunk>();
        StreamOutput read;
        do
        {
            read = await sessions.ReadAsync(id);
            chunks.AddRange(read.Chunks);
        }
        while (!read.Ended);

        Assert.Equal([(1, "one"), (2, "two"), (1, "three")], chunks.Select(c => (c.Stream, Encoding.UTF8.GetString(c.Data))));
        Assert.Equal((true, 3, (string?)null), (read.Ended, read.ExitCode, read.Error));
    }

    [Fact]
    public async Task Input_reaches_the_process_in_order_and_its_end_closes_stdin()
    {
        var process = new ScriptedProcess(exitCode: 0);
        var sessions = new StreamSessions(TimeProvider.System);
        var id = sessions.Open(process);

        await sessions.SendAsync(id, new StreamInput("ab"u8.ToArray()));
        await sessions.SendAsync(id, new StreamInput([], Width: 80, Height: 24));
        await sessions.SendAsync(id, new StreamInput("c"u8.ToArray(), CloseStdin: true));

        Assert.Equal("abc", Encoding.UTF8.GetString([.. process.Input]));
        Assert.Equal([(80, 24)], process.Sizes);
        Assert.True(process.InputClosed);
    }

    [Fact]
    public async Task An_ended_or_unknown_session_reads_as_gone_and_drops_input()
    {
        var process = new ScriptedProcess(exitCode: 0);
        var sessions = new StreamSessions(TimeProvider.System);
        var id = sessions.Open(process);

        await sessions.EndAsync(id);
        await sessions.SendAsync(id, new StreamInput("late"u8.ToArray()));

        Assert.True(process.Disposed);
        Assert.Empty(process.Input);
        Assert.Same(StreamOutput.Gone, await sessions.ReadAsync(id));
        Assert.Same(StreamOutput.Gone, await sessions.ReadAsync("never-opened"));
    }

    [Fact]
    public async Task A_session_nobody_reads_or_writes_is_closed_by_the_sweep()
    {
        var time = new ManualTime(DateTimeOffset.UnixEpoch);
        var idle = new ScriptedProcess(exitCode: 0);
        var used = new ScriptedProcess(exitCode: 0);
        var sessions = new StreamSessions(time);
        sessions.Open(idle);
        var usedId = sessions.Open(used);

        time.Advance(StreamSessions.IdleLimit / 2);
        await sessions.SendAsync(usedId, new StreamInput("x"u8.ToArray()));
        time.Advance(StreamSessions.IdleLimit / 2 + TimeSpan.FromSeconds(1));
        await sessions.SweepIdleAsync();

        Assert.True(idle.Disposed);
        Assert.False(used.Disposed);
    }

    /// <summary>A process whose output the test writes and whose input it records.</summary>
    private sealed class ScriptedProcess(int exitCode) : IContainerStream
    {
        private readonly Channel<StreamChunk> _output = Channel.CreateUnbounded<StreamChunk>();

        public List<byte> Input { get; } = [];

        public List<(int, int)> Sizes { get; } = [];

        public bool InputClosed { get; private set; }

        public bool Disposed { get; private set; }

        public ValueTask WriteAsync(int stream, string text) => _output.Writer.WriteAsync(new StreamChunk(stream, Encoding.UTF8.GetBytes(text)));

        public void Exit() => _output.Writer.Complete();

        public async IAsyncEnumerable<StreamChunk> ReadOutputAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var chunk in _output.Reader.ReadAllAsync(cancellationToken))
            {
                yield return chunk;
            }
        }

        public ValueTask WriteInputAsync(ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(Disposed, this);
            Input.AddRange(input.ToArray());
            return ValueTask.CompletedTask;
        }

        public void CloseInput() => InputClosed = true;

        public Task<RuntimeResult> ResizeAsync(int width, int height, CancellationToken cancellationToken)
        {
            Sizes.Add((width, height));
            return Task.FromResult(RuntimeResult.Ok);
        }

        public Task<RuntimeResult<int>> ExitCodeAsync(CancellationToken cancellationToken) => Task.FromResult(RuntimeResult<int>.Success(exitCode));

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            _output.Writer.TryComplete();
            return ValueTask.CompletedTask;
        }
    }
}
