using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using Actors.Gateway.Spdy;
using Actors.Grains.Abstractions.Objects;

namespace Actors.Gateway.Api;

/// <summary>
/// Exec over SPDY (every kubectl; the only way before 1.30): the client opens one stream per channel, named by its
/// <c>streamtype</c> header — <c>error</c> first, then <c>stdin</c>, <c>stdout</c>, <c>stderr</c> (not with a TTY)
/// and <c>resize</c> (with a TTY) as asked. The end's Status goes on the error stream, as in v4 of the protocol.
/// </summary>
internal sealed class SpdyExecClient : IExecClient
{
    private readonly SpdySession _session;
    private readonly Dictionary<string, SpdyStream> _streams;

    private SpdyExecClient(SpdySession session, Dictionary<string, SpdyStream> streams)
    {
        _session = session;
        _streams = streams;
    }

    /// <summary>The streams the request's flags call for, as the client opens them; null if they do not all come in time.</summary>
    public static async Task<SpdyExecClient?> AcceptAsync(SpdySession session, bool stdin, bool stdout, bool stderr, bool tty, TimeSpan timeout)
    {
        var expected = new HashSet<string>(StringComparer.Ordinal) { "error" };
        if (stdin)
        {
            expected.Add("stdin");
        }
        if (stdout)
        {
            expected.Add("stdout");
        }
        if (stderr && !tty)
        {
            expected.Add("stderr");
        }
        if (tty)
        {
            expected.Add("resize");
        }
        var streams = new Dictionary<string, SpdyStream>(StringComparer.Ordinal);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(session.Closing);
        deadline.CancelAfter(timeout);
        try
        {
            while (!expected.IsSubsetOf(streams.Keys))
            {
                var stream = await session.Opened.ReadAsync(deadline.Token);
                if (stream.Header("streamtype") is { } type)
                {
                    streams[type] = stream;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
        {
            return null;
        }
        return new SpdyExecClient(session, streams);
    }

    public Task SendAsync(byte channel, byte[] data, CancellationToken cancellationToken) =>
        _streams.GetValueOrDefault(channel switch { 1 => "stdout", 2 => "stderr", _ => "error" }) is { } stream
            ? stream.WriteAsync(data)
            : Task.CompletedTask;

    /// <summary>Ends the server's side of every stream; the client then has all it needs and closes the connection.</summary>
    public async Task EndAsync(CancellationToken cancellationToken)
    {
        foreach (var stream in _streams.Values)
        {
            await stream.CloseAsync();
        }
    }

    public async IAsyncEnumerable<StreamInput> ReadInputAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var inputs = Channel.CreateUnbounded<StreamInput>();
        var readers = new List<Task>();
        if (_streams.TryGetValue("stdin", out var stdin))
        {
            readers.Add(CopyStdinAsync(stdin, inputs.Writer, cancellationToken));
        }
        if (_streams.TryGetValue("resize", out var resize))
        {
            readers.Add(CopyResizesAsync(resize, inputs.Writer, cancellationToken));
        }
        _ = Task.WhenAll(readers).ContinueWith(_ => inputs.Writer.TryComplete(), TaskScheduler.Default);
        await foreach (var input in inputs.Reader.ReadAllAsync(cancellationToken))
        {
            yield return input;
        }
        // The input streams ending is not the client leaving: that is the connection's end (or the relay giving up).
        using var leaving = CancellationTokenSource.CreateLinkedTokenSource(_session.Closing, cancellationToken);
        await Task.Delay(Timeout.Infinite, leaving.Token).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static async Task CopyStdinAsync(SpdyStream stdin, ChannelWriter<StreamInput> inputs, CancellationToken cancellationToken)
    {
        await foreach (var data in stdin.Reader.ReadAllAsync(cancellationToken))
        {
            await inputs.WriteAsync(new StreamInput(data), cancellationToken);
        }
        await inputs.WriteAsync(new StreamInput([], CloseStdin: true), cancellationToken);
    }

    /// <summary>The resize stream carries <c>{"Width":W,"Height":H}</c> objects one after another.</summary>
    private static async Task CopyResizesAsync(SpdyStream resize, ChannelWriter<StreamInput> inputs, CancellationToken cancellationToken)
    {
        var pending = new StringBuilder();
        await foreach (var data in resize.Reader.ReadAllAsync(cancellationToken))
        {
            pending.Append(Encoding.UTF8.GetString(data));
            var text = pending.ToString();
            int end;
            while ((end = text.IndexOf('}', StringComparison.Ordinal)) >= 0)
            {
                if (ExecProtocol.ReadSize(Encoding.UTF8.GetBytes(text[..(end + 1)])) is var (width, height))
                {
                    await inputs.WriteAsync(new StreamInput([], Width: width, Height: height), cancellationToken);
                }
                text = text[(end + 1)..];
            }
            pending.Clear().Append(text);
        }
    }
}
