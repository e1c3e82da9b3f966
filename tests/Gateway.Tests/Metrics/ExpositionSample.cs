namespace Actors.Gateway.Tests.Metrics;

/// <summary>One sample line of a parsed exposition.</summary>
public sealed record ExpositionSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value, string Family);
