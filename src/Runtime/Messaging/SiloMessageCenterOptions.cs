using System.Net;

namespace Actors.Runtime.Messaging;

/// <summary>Settings of a <see cref="SiloMessageCenter"/>; defaults are Orleans' (<c>ConnectionOptions</c>).</summary>
public sealed class SiloMessageCenterOptions
{
    /// <summary>This silo as peers know it. Port 0 binds an ephemeral port; <see cref="SiloMessageCenter.LocalSilo"/> then has the real one.</summary>
    public required SiloAddress LocalSilo { get; init; }

    /// <summary>Where to listen; defaults to <see cref="LocalSilo"/>'s address (use <see cref="IPAddress.Any"/> to listen everywhere).</summary>
    public IPAddress? ListenAddress { get; init; }

    public required string ClusterId { get; init; }

    /// <summary>The shared secret every silo of the cluster holds; at least 16 bytes. Never sent.</summary>
    public required byte[] ClusterSecret { get; init; }

    /// <summary>Membership's view: peers it reports Dead are refused at the preamble. Must be cheap.</summary>
    public Func<SiloAddress, bool> IsSiloDead { get; init; } = _ => false;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>After a failed connect, calls to that silo fail fast for this long instead of reconnecting each time.</summary>
    public TimeSpan ConnectionRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan PreambleTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often pending calls are checked against their deadline; bounds how late a timeout fires.</summary>
    public TimeSpan TimeoutCheckPeriod { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Every problem with these options, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (LocalSilo is null)
        {
            problems.Add("LocalSilo is required.");
        }
        if (string.IsNullOrWhiteSpace(ClusterId))
        {
            problems.Add("ClusterId must not be empty.");
        }
        if (ClusterSecret is null || ClusterSecret.Length < 16)
        {
            problems.Add("ClusterSecret must be at least 16 bytes.");
        }
        if (ConnectTimeout <= TimeSpan.Zero)
        {
            problems.Add($"ConnectTimeout must be positive, not {ConnectTimeout}.");
        }
        if (ConnectionRetryDelay < TimeSpan.Zero)
        {
            problems.Add($"ConnectionRetryDelay must not be negative, not {ConnectionRetryDelay}.");
        }
        if (PreambleTimeout <= TimeSpan.Zero)
        {
            problems.Add($"PreambleTimeout must be positive, not {PreambleTimeout}.");
        }
        if (TimeoutCheckPeriod <= TimeSpan.Zero)
        {
            problems.Add($"TimeoutCheckPeriod must be positive, not {TimeoutCheckPeriod}.");
        }
        return problems;
    }
}
