namespace Actors.Gateway.Errors;

/// <summary>
/// A resource (plural, lower case) within an API group, as Kubernetes names it in error messages:
/// <c>deployments.apps</c>, or just <c>pods</c> for the core group.
/// </summary>
internal readonly record struct GroupResource(string Group, string Resource)
{
    public override string ToString() => Group.Length == 0 ? Resource : $"{Resource}.{Group}";
}
