using System.Threading.Channels;
using Actors.Grains.Abstractions.Objects;
using Actors.NodeAgent.Runtime;

namespace Actors.NodeAgent.Agent.Streams;

/// <summary>
/// One container stream on this node (<c>kubectl exec</c>, <c>attach</c>, <c>logs -f</c>): a pump copies the output
/// into a bounded queue (a client that stops reading stops the process's output, as a full pipe would), reads drain
/// it in order, and the exit code follows the last output.
/// </summary>
internal sealed class StreamSession : IAsyncDisposable
{
    /// <summary>How much output one read returns at most; the rest waits for the next.</summary>
    private const int MaxBatchBytes = 256 * 1024;

    private readonly IContainerStream _stream;
    private readonly Channel<StreamChunk> _output = Channel.CreateBounded<StreamChunk>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _closing = new();
    private readonly TimeProvider _time;
    private readonly Task _pump;
    private StreamOutput? _end;
    private long _lastUsed;

    public StreamSession(IContainerStream stream, TimeProvider time)
    {
        _stream = stream;
        _time = time;
        _lastUsed = time.GetUtcNow().UtcTicks;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>How long since the client last read or wrote.</summary>
    public TimeSpan Idle => TimeSpan.FromTicks(_time.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastUsed));

    /// <summary>What was written since the last read; waits up to <paramref name="wait"/> for the first of it.</summary>
    public async Task<StreamOutput> ReadAsync(TimeSpan wait)
    {
        Touch();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
        deadline.CancelAfter(wait);
        try
        {
            await _output.Reader.WaitToReadAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            return new StreamOutput([]);
        }
        var chunks = new List<StreamChunk>();
        var bytes = 0;
        while (bytes < MaxBatchBytes && _output.Reader.TryRead(out var chunk))
        {
            chunks.Add(chunk);
            bytes += chunk.Data.Length;
        }
        return _output.Reader.Completion.IsCompleted && chunks.Count == 0
            ? _end ?? StreamOutput.Gone
            : new StreamOutput([.. chunks]);
    }

    /// <summary>Input for a process that has ended is dropped: its end reaches the client through the reads.</summary>
    public async Task SendAsync(StreamInput input)
    {
        Touch();
        try
        {
            if (input.Stdin.Length > 0)
            {
                await _stream.WriteInputAsync(input.Stdin, _closing.Token);
            }
            if (input is { Width: { } width, Height: { } height })
            {
                await _stream.ResizeAsync(width, height, _closing.Token);
            }
            if (input.CloseStdin)
            {
                _stream.CloseInput();
            }
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or ObjectDisposedException or OperationCanceledException)
        {
            return;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        await _stream.DisposeAsync();
        await _pump;
        _closing.Dispose();
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var chunk in _stream.ReadOutputAsync(_closing.Token))
            {
                await _output.Writer.WriteAsync(chunk, _closing.Token);
            }
            var exitCode = await _stream.ExitCodeAsync(_closing.Token);
            _end = exitCode.IsOk ? new StreamOutput([], Ended: true, ExitCode: exitCode.Value) : new StreamOutput([], Ended: true, Error: exitCode.Message);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            _end = new StreamOutput([], Ended: true, Error: _closing.IsCancellationRequested ? "the exec session was closed" : $"the connection to the process broke: {exception.Message}");
        }
        _output.Writer.TryComplete();
    }

    private void Touch() => Interlocked.Exchange(ref _lastUsed, _time.GetUtcNow().UtcTicks);
}
