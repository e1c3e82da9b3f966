namespace Actors.Runtime.Management;

/// <summary>
/// A grain whose state is not an <see cref="IPersistentStateInfo"/> (it keeps its own store) can still show it
/// on the dashboard: named JSON documents, read outside the grain's turns, so they must be safe to read then.
/// </summary>
public interface IGrainDiagnostics
{
    IReadOnlyDictionary<string, string> DescribeState();
}
