namespace Actors.Runtime.Messaging;

/// <summary>Which end of the connection computes a proof; part of the MAC so one side's proof cannot be reflected as the other's.</summary>
internal enum PreambleRole : byte
{
    Initiator = 1,
    Acceptor = 2,
}
