namespace Actors.Grains.Abstractions.Objects;

/// <summary>
/// Where an object lives: its kind, namespace ("" for cluster-scoped kinds) and name. The grain key is
/// <c>namespace/name</c>, or just the name for cluster-scoped kinds, as ARCHITECTURE.md names them.
/// </summary>
public readonly record struct ObjectKey(string Kind, string Namespace, string Name)
{
    public string GrainKey => Namespace.Length == 0 ? Name : $"{Namespace}/{Name}";

    public static ObjectKey FromGrainKey(string kind, string grainKey)
    {
        var slash = grainKey.IndexOf('/');
        return slash < 0 ? new ObjectKey(kind, "", grainKey) : new ObjectKey(kind, grainKey[..slash], grainKey[(slash + 1)..]);
    }

    public override string ToString() => $"{Kind} {GrainKey}";
}
