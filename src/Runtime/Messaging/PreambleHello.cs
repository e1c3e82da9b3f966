namespace Actors.Runtime.Messaging;

/// <summary>The first thing each side of a silo connection sends: who it is, which cluster, and a fresh challenge.</summary>
public sealed record PreambleHello(int ProtocolVersion, string ClusterId, SiloAddress Silo, byte[] Nonce);
