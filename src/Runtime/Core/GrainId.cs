namespace Actors;

/// <summary>Identity of a grain: its type name and string key, printed <c>type/key</c> as Orleans does.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";

    /// <summary>Stable across processes and runs, unlike <see cref="string.GetHashCode()"/>: placement and the reminder ring depend on it.</summary>
    public uint GetUniformHashCode() => unchecked(StableHash.Compute(Type) * 31 + StableHash.Compute(Key));

    public static GrainId Parse(string value)
    {
        var slash = value.IndexOf('/');
        if (slash <= 0)
        {
            throw new FormatException($"'{value}' is not a grain id of the form type/key.");
        }
        return new GrainId(value[..slash], value[(slash + 1)..]);
    }
}
