using System.Collections.Concurrent;
using Actors.Grains.Abstractions.Objects;
using Actors.NodeAgent.Runtime;

namespace Actors.NodeAgent.Agent.Streams;

/// <summary>
/// The open stream sessions of one node agent, by id. A session whose client has not read or written for
/// <see cref="IdleLimit"/> (the gateway died, the connection was cut without a close) is closed by the sweep.
/// </summary>
internal sealed class StreamSessions(TimeProvider time)
{
    /// <summary>How long a read waits for output before it returns empty, well inside a grain call's timeout.</summary>
    public static readonly TimeSpan ReadWait = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, StreamSession> _sessions = new(StringComparer.Ordinal);

    public string Open(IContainerStream stream)
    {
        var id = Guid.NewGuid().ToString("N");
        _sessions[id] = new StreamSession(stream, time);
        return id;
    }

    public Task<StreamOutput> ReadAsync(string id) =>
        _sessions.TryGetValue(id, out var session) ? session.ReadAsync(ReadWait) : Task.FromResult(StreamOutput.Gone);

    public Task SendAsync(string id, StreamInput input) =>
        _sessions.TryGetValue(id, out var session) ? session.SendAsync(input) : Task.CompletedTask;

    public async Task EndAsync(string id)
    {
        if (_sessions.TryRemove(id, out var session))
        {
            await session.DisposeAsync();
        }
    }

    public async Task SweepIdleAsync()
    {
        foreach (var (id, session) in _sessions.Where(s => s.Value.Idle > IdleLimit).ToList())
        {
            await EndAsync(id);
        }
    }

    public async Task EndAllAsync()
    {
        foreach (var id in _sessions.Keys.ToList())
        {
            await EndAsync(id);
        }
    }
}
