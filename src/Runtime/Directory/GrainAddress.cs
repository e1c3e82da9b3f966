namespace Actors.Runtime.Directory;

/// <summary>Where one activation of a grain lives.</summary>
public sealed record GrainAddress(GrainId GrainId, string ActivationId, SiloAddress SiloAddress, long MembershipVersion);
