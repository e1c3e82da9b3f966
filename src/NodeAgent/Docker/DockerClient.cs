using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.NodeAgent.Docker;

/// <summary>
/// A small Docker Engine API client over the engine's unix socket. The API version is negotiated on first use:
/// the lower of the engine's and <see cref="MaxApiVersion"/>, so the request and answer shapes stay the ones this
/// client was written against.
/// </summary>
public sealed partial class DockerClient : IDockerClient, IDisposable
{
    public const string DefaultSocketPath = "/var/run/docker.sock";

    public static readonly Version MaxApiVersion = new(1, 41);

    private readonly HttpClient _http;
    private readonly TimeSpan _requestTimeout;
    private readonly string _socketPath;
    private readonly TimeProvider _time;
    private string? _apiPrefix;

    /// <param name="socketPath">The engine's unix socket.</param>
    /// <param name="requestTimeout">How long a single request may wait for the engine before it counts as unavailable
    /// (stop adds its own grace period; streams are bounded by their cancellation token only).</param>
    /// <param name="time">The clock for the client's own waits; the system clock when null.</param>
    public DockerClient(string socketPath = DefaultSocketPath, TimeSpan? requestTimeout = null, TimeProvider? time = null)
    {
        if (string.IsNullOrWhiteSpace(socketPath))
        {
            throw new ArgumentException("The Docker socket path must not be empty.", nameof(socketPath));
        }
        if (requestTimeout is { } t && t <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(requestTimeout), t, "The request timeout must be positive.");
        }
        _socketPath = socketPath;
        _time = time ?? TimeProvider.System;
        _requestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = ConnectAsync,
            // Idle connections to a local socket are cheap to reopen; do not keep them past an engine restart.
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };
        _http = new HttpClient(handler)
        {
            BaseAddress = new Uri("http://docker.sock/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public void Dispose() => _http.Dispose();

    public async Task<DockerResult<DockerInfo>> InfoAsync(CancellationToken cancellationToken = default) =>
        Parse<DockerInfo>(await SendAsync(HttpMethod.Get, "info", null, cancellationToken));

    public async Task<DockerResult<IReadOnlyList<ImageSummary>>> ListImagesAsync(CancellationToken cancellationToken = default) =>
        Parse<IReadOnlyList<ImageSummary>>(await SendAsync(HttpMethod.Get, "images/json", null, cancellationToken));

    public async Task<DockerResult<ImageDetails>> InspectImageAsync(string image, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(image))
        {
            return DockerResult<ImageDetails>.Failure(DockerResultKind.Error, "The image name must not be empty.");
        }
        return Parse<ImageDetails>(await SendAsync(HttpMethod.Get, $"images/{Escape(image)}/json", null, cancellationToken));
    }

    public async Task<DockerResult> PullImageAsync(string image, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(image))
        {
            return DockerResult.Failure(DockerResultKind.Error, "The image name must not be empty.");
        }
        var (repository, tag) = ImageReference.Split(image);
        var opened = await OpenAsync(HttpMethod.Post, $"images/create?fromImage={Escape(repository)}&tag={Escape(tag)}", null, cancellationToken);
        if (!opened.IsOk)
        {
            return opened.WithoutValue();
        }
        // The engine answers 200 and reports a failure later in the progress stream as {"error": "..."}.
        using var response = opened.Value;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var reader = new StreamReader(body, Encoding.UTF8);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (TryReadMessage(line, "error") is { } error)
                {
                    return DockerResult.Failure(DockerResultKind.Error, $"pull of {image} failed: {error}");
                }
            }
            return DockerResult.Success;
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            return DockerResult.Failure(DockerResultKind.EngineUnavailable, $"pull of {image} was cut off: {exception.Message}");
        }
    }

    public async Task<DockerResult<string>> CreateContainerAsync(ContainerCreateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ContainerCreateBody.Validate(request) is { } problem)
        {
            return DockerResult<string>.Failure(DockerResultKind.Error, problem);
        }
        var answer = await SendAsync(HttpMethod.Post, $"containers/create?name={Escape(request.Name)}", ContainerCreateBody.Build(request), cancellationToken);
        if (answer.Kind != DockerResultKind.Ok)
        {
            return DockerResult<string>.Failure(answer.Kind, answer.Message);
        }
        return TryReadMessage(answer.Body, "Id") is { Length: > 0 } id
            ? DockerResult<string>.Success(id)
            : DockerResult<string>.Failure(DockerResultKind.Error, $"the engine's answer to create has no Id: {answer.Body}");
    }

    public async Task<DockerResult> StartContainerAsync(string id, CancellationToken cancellationToken = default) =>
        ToResult(await SendAsync(HttpMethod.Post, $"containers/{Escape(id)}/start", null, cancellationToken));

    public async Task<DockerResult> RenameContainerAsync(string id, string name, CancellationToken cancellationToken = default) =>
        ToResult(await SendAsync(HttpMethod.Post, $"containers/{Escape(id)}/rename?name={Escape(name)}", null, cancellationToken));

    public async Task<DockerResult> StopContainerAsync(string id, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var seconds = (int)Math.Ceiling(Math.Max(0, timeout.TotalSeconds));
        return ToResult(await SendAsync(HttpMethod.Post, $"containers/{Escape(id)}/stop?t={seconds}", null, cancellationToken, TimeSpan.FromSeconds(seconds)));
    }

    public async Task<DockerResult> KillContainerAsync(string id, string signal = "KILL", CancellationToken cancellationToken = default) =>
        ToResult(await SendAsync(HttpMethod.Post, $"containers/{Escape(id)}/kill?signal={Escape(signal)}", null, cancellationToken));

    public async Task<DockerResult> RemoveContainerAsync(string id, bool force, CancellationToken cancellationToken = default) =>
        // v=1: anonymous volumes belong to the container and would otherwise leak with every restart of a pod.
        ToResult(await SendAsync(HttpMethod.Delete, $"containers/{Escape(id)}?force={(force ? 1 : 0)}&v=1", null, cancellationToken));

    public async Task<DockerResult<ContainerDetails>> InspectContainerAsync(string id, CancellationToken cancellationToken = default) =>
        Parse<ContainerDetails>(await SendAsync(HttpMethod.Get, $"containers/{Escape(id)}/json", null, cancellationToken));

    public async Task<DockerResult<ContainerStats>> GetStatsAsync(string id, CancellationToken cancellationToken = default) =>
        Parse<ContainerStats>(await SendAsync(HttpMethod.Get, $"containers/{Escape(id)}/stats?stream=false", null, cancellationToken));

    public async Task<DockerResult<NetworkDetails>> InspectNetworkAsync(string network, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(network))
        {
            return DockerResult<NetworkDetails>.Failure(DockerResultKind.Error, "The network name must not be empty.");
        }
        return Parse<NetworkDetails>(await SendAsync(HttpMethod.Get, $"networks/{Escape(network)}", null, cancellationToken));
    }

    public async Task<DockerResult<IReadOnlyList<ContainerSummary>>> ListContainersAsync(
        bool all, IReadOnlyList<string>? labelFilters = null, CancellationToken cancellationToken = default)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>();
        if (labelFilters is { Count: > 0 })
        {
            filters["label"] = labelFilters;
        }
        return await ListContainersAsync(all, filters, cancellationToken);
    }

    public Task<DockerResult<IReadOnlyList<ContainerSummary>>> ListContainersAsync(
        bool all, IReadOnlyList<string> labelFilters, string namePattern, CancellationToken cancellationToken = default) =>
        ListContainersAsync(all, new Dictionary<string, IReadOnlyList<string>> { ["label"] = labelFilters, ["name"] = [namePattern] }, cancellationToken);

    private async Task<DockerResult<IReadOnlyList<ContainerSummary>>> ListContainersAsync(
        bool all, Dictionary<string, IReadOnlyList<string>> filters, CancellationToken cancellationToken)
    {
        var path = $"containers/json?all={(all ? 1 : 0)}";
        if (filters.Count > 0)
        {
            path += "&filters=" + Escape(FiltersJson(filters));
        }
        return Parse<IReadOnlyList<ContainerSummary>>(await SendAsync(HttpMethod.Get, path, null, cancellationToken));
    }

    public async Task<DockerResult<DockerStream<LogLine>>> GetLogsAsync(
        string id,
        bool follow = false,
        int? tail = null,
        DateTimeOffset? since = null,
        bool timestamps = false,
        CancellationToken cancellationToken = default)
    {
        // Only a TTY container's output is raw; the others are multiplexed, and the answer does not say which.
        var container = await InspectContainerAsync(id, cancellationToken);
        if (!container.IsOk)
        {
            return DockerResult<DockerStream<LogLine>>.Failure(container.Kind, container.Message ?? container.Kind.ToString());
        }
        var tty = container.Value.Config.Tty;
        var path = new StringBuilder($"containers/{Escape(id)}/logs?stdout=1&stderr=1");
        path.Append(CultureInfo.InvariantCulture, $"&follow={(follow ? 1 : 0)}&timestamps={(timestamps ? 1 : 0)}");
        path.Append("&tail=").Append(tail is { } n ? Math.Max(0, n).ToString(CultureInfo.InvariantCulture) : "all");
        if (since is { } s)
        {
            path.Append("&since=").Append(DockerTime.ToUnixSeconds(s));
        }
        return await OpenStreamAsync(path.ToString(), (body, token) => ReadLogLinesAsync(body, tty, timestamps, token), cancellationToken);
    }

    public async Task<DockerResult<DockerStream<DockerEvent>>> MonitorEventsAsync(
        IReadOnlyDictionary<string, IReadOnlyList<string>>? filters = null,
        DateTimeOffset? since = null,
        CancellationToken cancellationToken = default)
    {
        var path = new StringBuilder("events");
        var separator = '?';
        if (filters is { Count: > 0 })
        {
            path.Append(separator).Append("filters=").Append(Escape(FiltersJson(filters)));
            separator = '&';
        }
        if (since is { } s)
        {
            path.Append(separator).Append("since=").Append(DockerTime.ToUnixSeconds(s));
        }
        return await OpenStreamAsync(path.ToString(), ReadEventsAsync, cancellationToken);
    }

    private static async IAsyncEnumerable<LogLine> ReadLogLinesAsync(
        Stream body, bool tty, bool timestamps, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var assembler = new LogLineAssembler(timestamps);
        var frames = tty
            ? MultiplexedStreamReader.ReadRawAsync(body, cancellationToken)
            : MultiplexedStreamReader.ReadFramesAsync(body, cancellationToken);
        await foreach (var frame in frames)
        {
            foreach (var line in assembler.Push(frame))
            {
                yield return line;
            }
        }
        foreach (var line in assembler.Flush())
        {
            yield return line;
        }
    }

    private static async IAsyncEnumerable<DockerEvent> ReadEventsAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (DockerEventParser.TryParse(line) is { } parsed)
            {
                yield return parsed;
            }
        }
    }

    private async Task<DockerResult<DockerStream<T>>> OpenStreamAsync<T>(
        string path, Func<Stream, CancellationToken, IAsyncEnumerable<T>> decode, CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(HttpMethod.Get, path, null, cancellationToken);
        if (!opened.IsOk)
        {
            return DockerResult<DockerStream<T>>.Failure(opened.Kind, opened.Message ?? opened.Kind.ToString());
        }
        try
        {
            var body = await opened.Value.Content.ReadAsStreamAsync(cancellationToken);
            return DockerResult<DockerStream<T>>.Success(new DockerStream<T>(opened.Value, body, decode, cancellationToken));
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            opened.Value.Dispose();
            return DockerResult<DockerStream<T>>.Failure(DockerResultKind.EngineUnavailable, exception.Message);
        }
    }

    /// <summary>Sends a request and waits only for the answer's headers; the caller owns the response on success.</summary>
    private async Task<DockerResult<HttpResponseMessage>> OpenAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        var prefix = await ApiPrefixAsync(cancellationToken);
        if (!prefix.IsOk)
        {
            return DockerResult<HttpResponseMessage>.Failure(prefix.Kind, prefix.Message ?? prefix.Kind.ToString());
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_requestTimeout);
        HttpResponseMessage? response = null;
        try
        {
            using var request = CreateRequest(method, prefix.Value + path, body);
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return DockerResult<HttpResponseMessage>.Success(response);
            }
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var failure = Classify(response.StatusCode, text);
            response.Dispose();
            return DockerResult<HttpResponseMessage>.Failure(failure.Kind, failure.Message);
        }
        catch (Exception exception) when (IsUnavailable(exception, cancellationToken))
        {
            response?.Dispose();
            return DockerResult<HttpResponseMessage>.Failure(DockerResultKind.EngineUnavailable, Unavailable(exception));
        }
    }

    private async Task<EngineAnswer> SendAsync(
        HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken, TimeSpan? extraTime = null)
    {
        var prefix = await ApiPrefixAsync(cancellationToken);
        if (!prefix.IsOk)
        {
            return new EngineAnswer(prefix.Kind, "", prefix.Message ?? prefix.Kind.ToString());
        }
        return await SendRawAsync(method, prefix.Value + path, body, cancellationToken, extraTime);
    }

    private async Task<EngineAnswer> SendRawAsync(
        HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken, TimeSpan? extraTime = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_requestTimeout + (extraTime ?? TimeSpan.Zero));
        try
        {
            using var request = CreateRequest(method, path, body);
            using var response = await _http.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            return Classify(response.StatusCode, text);
        }
        catch (Exception exception) when (IsUnavailable(exception, cancellationToken))
        {
            return new EngineAnswer(DockerResultKind.EngineUnavailable, "", Unavailable(exception));
        }
    }

    private async Task<DockerResult<string>> ApiPrefixAsync(CancellationToken cancellationToken)
    {
        if (_apiPrefix is { } known)
        {
            return DockerResult<string>.Success(known);
        }
        var answer = await SendRawAsync(HttpMethod.Get, "version", null, cancellationToken);
        if (answer.Kind != DockerResultKind.Ok)
        {
            return DockerResult<string>.Failure(answer.Kind, answer.Message);
        }
        var version = TryReadMessage(answer.Body, "ApiVersion");
        if (version is null || !Version.TryParse(version, out var server))
        {
            return DockerResult<string>.Failure(DockerResultKind.Error, $"the engine's /version has no readable ApiVersion: {answer.Body}");
        }
        var chosen = server < MaxApiVersion ? server : MaxApiVersion;
        // Racing first calls compute the same prefix; whichever write wins is right.
        _apiPrefix = $"v{chosen.Major}.{chosen.Minor}/";
        return DockerResult<string>.Success(_apiPrefix);
    }

    private static HttpRequestMessage CreateRequest(HttpMethod method, string path, JsonNode? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        return request;
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(_socketPath), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static bool IsUnavailable(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && exception is HttpRequestException or IOException or SocketException or OperationCanceledException;

    private string Unavailable(Exception exception) => exception is OperationCanceledException
        ? $"the Docker engine at {_socketPath} did not answer within {_requestTimeout.TotalSeconds:0.#} s"
        : $"the Docker engine at {_socketPath} is unavailable: {exception.Message}";

    private static EngineAnswer Classify(HttpStatusCode status, string body)
    {
        var code = (int)status;
        // 304 means "already started" / "already stopped": the state asked for holds, which is success.
        if (code is >= 200 and < 300 or 304)
        {
            return new EngineAnswer(DockerResultKind.Ok, body, "");
        }
        var message = TryReadMessage(body, "message") ?? (body.Length > 0 ? body.Trim() : status.ToString());
        var kind = status switch
        {
            HttpStatusCode.NotFound => DockerResultKind.NotFound,
            HttpStatusCode.Conflict => DockerResultKind.Conflict,
            _ => DockerResultKind.Error,
        };
        return new EngineAnswer(kind, body, message);
    }

    private static DockerResult<T> Parse<T>(EngineAnswer answer)
    {
        if (answer.Kind != DockerResultKind.Ok)
        {
            return DockerResult<T>.Failure(answer.Kind, answer.Message);
        }
        try
        {
            return JsonSerializer.Deserialize<T>(answer.Body, DockerJson.Options) is { } value
                ? DockerResult<T>.Success(value)
                : DockerResult<T>.Failure(DockerResultKind.Error, $"the engine answered null for {typeof(T).Name}");
        }
        catch (JsonException exception)
        {
            return DockerResult<T>.Failure(DockerResultKind.Error, $"unreadable engine answer for {typeof(T).Name}: {exception.Message}");
        }
    }

    private static DockerResult ToResult(EngineAnswer answer) =>
        answer.Kind == DockerResultKind.Ok ? DockerResult.Success : DockerResult.Failure(answer.Kind, answer.Message);

    /// <summary>A top-level string property of a JSON object, or null when the text is not such an object.</summary>
    private static string? TryReadMessage(string json, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(property, out var value)
                && value.ValueKind == JsonValueKind.String
                    ? value.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string FiltersJson(IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        var root = new JsonObject();
        foreach (var (key, values) in filters)
        {
            root[key] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }
        return root.ToJsonString();
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private readonly record struct EngineAnswer(DockerResultKind Kind, string Body, string Message);
}
