namespace Actors.Grains.Abstractions.Resources;

/// <summary>One served kind: how the API names it, where it lives and which CLR type models it.</summary>
/// <param name="Group">API group, <c>""</c> for core.</param>
/// <param name="Version">API version, e.g. <c>v1</c>.</param>
/// <param name="Kind">Kind, e.g. <c>Deployment</c>.</param>
/// <param name="Plural">Resource name in URLs, e.g. <c>deployments</c>.</param>
/// <param name="Singular">Singular resource name, e.g. <c>deployment</c>.</param>
/// <param name="ShortNames">kubectl short names, e.g. <c>deploy</c>.</param>
/// <param name="Namespaced">True for namespaced kinds.</param>
/// <param name="Verbs">Verbs listed in discovery.</param>
/// <param name="ClrType">The model type.</param>
/// <param name="Categories">Discovery categories (<c>all</c>).</param>
/// <param name="Subresources">Served subresources (<c>status</c>, <c>scale</c>, <c>log</c>...).</param>
public sealed record ResourceKind(
    string Group,
    string Version,
    string Kind,
    string Plural,
    string Singular,
    IReadOnlyList<string> ShortNames,
    bool Namespaced,
    IReadOnlyList<string> Verbs,
    Type ClrType,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Subresources)
{
    /// <summary><c>v1</c> for core, else <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    /// <summary>The list kind, e.g. <c>DeploymentList</c>.</summary>
    public string ListKind => Kind + "List";

    /// <summary>The name used in error messages: <c>deployments.apps</c>, or <c>pods</c> for core.</summary>
    public string QualifiedResource => Group.Length == 0 ? Plural : Plural + "." + Group;

    /// <summary>The kind used in Invalid messages: <c>Deployment.apps</c>, or <c>Pod</c> for core.</summary>
    public string QualifiedKind => Group.Length == 0 ? Kind : Kind + "." + Group;
}
