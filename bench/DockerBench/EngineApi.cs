using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Actors.DockerBench;

/// <summary>
/// Plain JSON requests to the engine's unix socket, for the Swarm endpoints (services, tasks) the node agent's
/// client has no use for.
/// </summary>
internal sealed class EngineApi : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint("/var/run/docker.sock"), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        },
    })
    { BaseAddress = new Uri("http://docker.sock/v1.41/") };

    public async Task<JsonNode?> GetAsync(string path) => await SendAsync(HttpMethod.Get, path, null);

    public async Task<JsonNode?> PostAsync(string path, JsonNode body) => await SendAsync(HttpMethod.Post, path, body);

    public async Task DeleteAsync(string path) => await SendAsync(HttpMethod.Delete, path, null);

    public void Dispose() => _http.Dispose();

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }
}
