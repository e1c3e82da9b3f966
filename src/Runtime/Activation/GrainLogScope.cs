using System.Collections;

namespace Actors.Runtime.Activation;

/// <summary>
/// The logging scope of a grain's turn: structured loggers see a <c>GrainId</c> property, text loggers
/// "grain type/key".
/// </summary>
internal sealed class GrainLogScope(GrainId grainId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string PropertyName = "GrainId";

    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new(PropertyName, grainId.ToString()) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"grain {grainId}";
}
