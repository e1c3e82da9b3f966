using System.Collections.Concurrent;
using System.Security.Cryptography;
using Actors.Gateway.Security;

namespace Actors.Gateway.Dashboard;

/// <summary>
/// The dashboard's browser sessions and one-time login codes, in memory: a restart logs everyone out, which is
/// what an operator expects of a control-plane process. Ids and codes are 256-bit random values, never tokens.
/// </summary>
internal sealed class DashboardSessions(TimeProvider time)
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(12);

    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Entry> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry> _codes = new(StringComparer.Ordinal);

    public int Count => _sessions.Count;

    /// <summary>A new session for <paramref name="user"/>; the returned id goes into the cookie.</summary>
    public string Start(UserInfo user)
    {
        Sweep();
        var id = NewSecret();
        _sessions[id] = new Entry(user, time.GetUtcNow());
        return id;
    }

    /// <summary>The session's user, refreshing its idle clock; null when unknown or idle for too long.</summary>
    public UserInfo? Resume(string? id)
    {
        if (string.IsNullOrEmpty(id) || !_sessions.TryGetValue(id, out var entry))
        {
            return null;
        }
        var now = time.GetUtcNow();
        if (now - entry.Time > IdleTimeout)
        {
            _sessions.TryRemove(id, out _);
            return null;
        }
        _sessions[id] = entry with { Time = now };
        return entry.User;
    }

    public void End(string? id)
    {
        if (!string.IsNullOrEmpty(id))
        {
            _sessions.TryRemove(id, out _);
        }
    }

    /// <summary>A code that <see cref="Redeem"/> accepts once, within <see cref="CodeLifetime"/>.</summary>
    public (string Code, DateTimeOffset ExpiresAt) IssueCode(UserInfo user)
    {
        Sweep();
        var code = NewSecret();
        var now = time.GetUtcNow();
        _codes[code] = new Entry(user, now);
        return (code, now + CodeLifetime);
    }

    /// <summary>The code's user, spending the code; null when unknown, already spent or expired.</summary>
    public UserInfo? Redeem(string? code)
    {
        // Removed before the expiry check, so two racing requests cannot both spend it.
        if (string.IsNullOrEmpty(code) || !_codes.TryRemove(code, out var entry))
        {
            return null;
        }
        return time.GetUtcNow() - entry.Time > CodeLifetime ? null : entry.User;
    }

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (id, entry) in _sessions)
        {
            if (now - entry.Time > IdleTimeout)
            {
                _sessions.TryRemove(id, out _);
            }
        }
        foreach (var (code, entry) in _codes)
        {
            if (now - entry.Time > CodeLifetime)
            {
                _codes.TryRemove(code, out _);
            }
        }
    }

    private static string NewSecret() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record Entry(UserInfo User, DateTimeOffset Time);
}
