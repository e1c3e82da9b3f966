using Actors.Grains.Abstractions.Resources;

namespace Actors.Grains.Store;

/// <summary>
/// What the object store writes into, and reads back from, the <c>object</c> column of its rows (current objects
/// and the change history alike). Secrets are sealed as a whole object rather than only <c>data</c> and
/// <c>stringData</c>: their values also travel in other fields (kubectl apply copies the whole manifest into the
/// last-applied-configuration annotation), and no query looks inside a stored Secret's JSON. Every other kind,
/// and every Secret when no key is configured, is stored as plain JSON.
/// </summary>
internal sealed class StoredObjectCodec(SecretsKey? secretsKey)
{
    public string Encode(string kind, string ns, string name, string json) =>
        secretsKey is not null && kind == Secret.KindValue
            ? SecretEnvelope.Seal(secretsKey, json, AssociatedData(kind, ns, name))
            : json;

    /// <summary>Plain JSON passes through, so rows written before encryption was configured stay readable.</summary>
    public string Decode(string kind, string ns, string name, string stored) =>
        SecretEnvelope.Open(secretsKey, stored, AssociatedData(kind, ns, name));

    /// <summary>The object's identity; names and namespaces cannot contain '/', so it is unambiguous.</summary>
    private static string AssociatedData(string kind, string ns, string name) => $"{kind}/{ns}/{name}";
}
