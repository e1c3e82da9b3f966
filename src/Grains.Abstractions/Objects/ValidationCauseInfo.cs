namespace Actors.Grains.Abstractions.Objects;

/// <summary>One reason an object is invalid, as Kubernetes' Status details.causes carry it.</summary>
public sealed record ValidationCauseInfo(string Reason, string Message, string Field);
