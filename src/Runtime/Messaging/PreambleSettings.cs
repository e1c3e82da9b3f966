namespace Actors.Runtime.Messaging;

/// <summary>What one silo brings to every preamble.</summary>
internal sealed record PreambleSettings(string ClusterId, SiloAddress LocalSilo, byte[] Secret, Func<SiloAddress, bool> IsDead);
