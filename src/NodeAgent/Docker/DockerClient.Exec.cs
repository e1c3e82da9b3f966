using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.NodeAgent.Docker;

/// <summary>
/// Exec: run to completion with the output collected (probes), or opened as a live connection carrying stdin one
/// way and the output the other (<c>kubectl exec</c>); attach joins a container's own process the same way.
/// </summary>
public sealed partial class DockerClient
{
    // Probe output is for humans and events; Kubernetes keeps a similar bounded amount.
    private const int MaxExecOutputBytes = 64 * 1024;

    private static readonly TimeSpan ExitCodeWait = TimeSpan.FromSeconds(5);

    public async Task<DockerResult<ExecResult>> ExecAsync(
        string id, IReadOnlyList<string> cmd, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var execId = await CreateExecAsync(id, cmd, stdin: false, tty: false, cancellationToken);
        if (!execId.IsOk)
        {
            return DockerResult<ExecResult>.Failure(execId.Kind, execId.Message ?? execId.Kind.ToString());
        }
        var started = await OpenAsync(HttpMethod.Post, $"exec/{execId.Value}/start", new JsonObject { ["Detach"] = false, ["Tty"] = false }, cancellationToken);
        if (!started.IsOk)
        {
            return DockerResult<ExecResult>.Failure(started.Kind, started.Message ?? started.Kind.ToString());
        }
        var output = new MemoryStream();
        using (var response = started.Value)
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(timeout);
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
                await using var wake = deadline.Token.Register(body.Dispose);
                await foreach (var frame in MultiplexedStreamReader.ReadFramesAsync(body, deadline.Token))
                {
                    var room = MaxExecOutputBytes - (int)output.Length;
                    output.Write(frame.Payload, 0, Math.Min(room, frame.Payload.Length));
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException or HttpRequestException)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (deadline.IsCancellationRequested)
                {
                    return DockerResult<ExecResult>.Success(new ExecResult(-1, Encoding.UTF8.GetString(output.ToArray()), TimedOut: true));
                }
                return DockerResult<ExecResult>.Failure(DockerResultKind.EngineUnavailable, $"exec output was cut off: {exception.Message}");
            }
        }
        var exitCode = await ExecExitCodeAsync(execId.Value!, cancellationToken);
        return exitCode.IsOk
            ? DockerResult<ExecResult>.Success(new ExecResult(exitCode.Value, Encoding.UTF8.GetString(output.ToArray()), TimedOut: false))
            : DockerResult<ExecResult>.Failure(exitCode.Kind, exitCode.Message ?? exitCode.Kind.ToString());
    }

    /// <summary>Starts a command in a running container with its streams kept open, as <c>docker exec -i</c> does.</summary>
    public async Task<DockerResult<OpenedExec>> OpenExecAsync(
        string id, IReadOnlyList<string> cmd, bool stdin, bool tty, CancellationToken cancellationToken = default)
    {
        var execId = await CreateExecAsync(id, cmd, stdin, tty, cancellationToken);
        if (!execId.IsOk)
        {
            return DockerResult<OpenedExec>.Failure(execId.Kind, execId.Message ?? execId.Kind.ToString());
        }
        var body = new JsonObject { ["Detach"] = false, ["Tty"] = tty }.ToJsonString();
        var connection = await HijackAsync($"exec/{execId.Value}/start", body, tty, cancellationToken);
        return connection.IsOk
            ? DockerResult<OpenedExec>.Success(new OpenedExec(execId.Value!, connection.Value!))
            : DockerResult<OpenedExec>.Failure(connection.Kind, connection.Message ?? connection.Kind.ToString());
    }

    /// <summary>Joins a running container's own stdio, as <c>docker attach</c> does; <paramref name="tty"/> must be the container's.</summary>
    public Task<DockerResult<HijackedConnection>> AttachAsync(string id, bool stdin, bool tty, CancellationToken cancellationToken = default) =>
        HijackAsync($"containers/{Escape(id)}/attach?stream=1&stdout=1&stderr=1&stdin={(stdin ? 1 : 0)}", null, tty, cancellationToken);

    public async Task<DockerResult> ResizeContainerAsync(string id, int width, int height, CancellationToken cancellationToken = default) =>
        ToResult(await SendAsync(HttpMethod.Post,
            $"containers/{Escape(id)}/resize?h={height.ToString(CultureInfo.InvariantCulture)}&w={width.ToString(CultureInfo.InvariantCulture)}", null, cancellationToken));

    /// <summary>
    /// Sends a request the engine answers by handing its connection over to a process's streams. HttpClient cannot
    /// half-close a connection, which is how stdin's end is told, so this one is written by hand on its own socket.
    /// </summary>
    private async Task<DockerResult<HijackedConnection>> HijackAsync(string path, string? body, bool tty, CancellationToken cancellationToken)
    {
        var prefix = await ApiPrefixAsync(cancellationToken);
        if (!prefix.IsOk)
        {
            return DockerResult<HijackedConnection>.Failure(prefix.Kind, prefix.Message ?? prefix.Kind.ToString());
        }
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(_socketPath), cancellationToken);
            var stream = new NetworkStream(socket, ownsSocket: false);
            body ??= "";
            var head = $"POST /{prefix.Value}{path} HTTP/1.1\r\nHost: docker\r\nContent-Type: application/json\r\n"
                + $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n{body}";
            await stream.WriteAsync(Encoding.UTF8.GetBytes(head), cancellationToken);
            var (status, answer) = await ReadUpgradeAnswerAsync(stream, cancellationToken);
            if (status is 101 or 200)
            {
                return DockerResult<HijackedConnection>.Success(new HijackedConnection(tty, socket, stream));
            }
            await stream.DisposeAsync();
            socket.Dispose();
            var failure = Classify((System.Net.HttpStatusCode)status, answer);
            return DockerResult<HijackedConnection>.Failure(failure.Kind, failure.Message);
        }
        catch (Exception exception) when (exception is IOException or SocketException or FormatException)
        {
            socket.Dispose();
            return DockerResult<HijackedConnection>.Failure(DockerResultKind.EngineUnavailable, Unavailable(exception));
        }
    }

    public async Task<DockerResult> ResizeExecAsync(string execId, int width, int height, CancellationToken cancellationToken = default) =>
        ToResult(await SendAsync(HttpMethod.Post,
            $"exec/{Escape(execId)}/resize?h={height.ToString(CultureInfo.InvariantCulture)}&w={width.ToString(CultureInfo.InvariantCulture)}", null, cancellationToken));

    /// <summary>The exit code of an exec whose output has ended; the engine records it a moment after the output closes.</summary>
    public async Task<DockerResult<int>> ExecExitCodeAsync(string execId, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            var answer = await SendAsync(HttpMethod.Get, $"exec/{Escape(execId)}/json", null, cancellationToken);
            if (answer.Kind != DockerResultKind.Ok)
            {
                return DockerResult<int>.Failure(answer.Kind, answer.Message);
            }
            if (ReadExitCode(answer.Body) is { } exitCode)
            {
                return DockerResult<int>.Success(exitCode);
            }
            if (_time.GetElapsedTime(started) > ExitCodeWait)
            {
                return DockerResult<int>.Failure(DockerResultKind.Error, $"exec {execId} ended its output but reports no exit code");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellationToken);
        }
    }

    private async Task<DockerResult<string>> CreateExecAsync(string id, IReadOnlyList<string> cmd, bool stdin, bool tty, CancellationToken cancellationToken)
    {
        if (cmd is not { Count: > 0 })
        {
            return DockerResult<string>.Failure(DockerResultKind.Error, "The exec command must not be empty.");
        }
        var create = new JsonObject
        {
            ["AttachStdin"] = stdin,
            ["AttachStdout"] = true,
            ["AttachStderr"] = true,
            ["Tty"] = tty,
            ["Cmd"] = new JsonArray(cmd.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
        };
        var created = await SendAsync(HttpMethod.Post, $"containers/{Escape(id)}/exec", create, cancellationToken);
        if (created.Kind != DockerResultKind.Ok)
        {
            return DockerResult<string>.Failure(created.Kind, created.Message);
        }
        return TryReadMessage(created.Body, "Id") is { Length: > 0 } execId
            ? DockerResult<string>.Success(execId)
            : DockerResult<string>.Failure(DockerResultKind.Error, $"the engine's answer to exec create has no Id: {created.Body}");
    }

    /// <summary>
    /// Reads the answer's status line and headers a byte at a time, so nothing of the process's output that follows
    /// is consumed; for a refusal also its body (the engine sends a Content-Length).
    /// </summary>
    private static async Task<(int Status, string Body)> ReadUpgradeAnswerAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (head.Length < 4 || head[^4] != '\r' || head[^3] != '\n' || head[^2] != '\r' || head[^1] != '\n')
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0 || head.Length > 16 * 1024)
            {
                throw new IOException("the engine closed the exec connection before answering");
            }
            head.Append((char)one[0]);
        }
        var lines = head.ToString().Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        if (status is 101 or 200)
        {
            return (status, "");
        }
        var length = lines.Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim(), CultureInfo.InvariantCulture)).FirstOrDefault();
        var body = new byte[Math.Min(length, 64 * 1024)];
        var read = await stream.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, cancellationToken);
        return (status, Encoding.UTF8.GetString(body, 0, read));
    }

    /// <summary>The exit code of a finished exec from <c>GET /exec/{id}/json</c>; null while it runs or when unreadable.</summary>
    private static int? ReadExitCode(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var running = root.TryGetProperty("Running", out var r) && r.ValueKind == JsonValueKind.True;
            return !running && root.TryGetProperty("ExitCode", out var code) && code.TryGetInt32(out var value) ? value : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
