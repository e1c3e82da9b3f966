namespace Actors.Gateway.Errors;

/// <summary>A kind within an API group: <c>Deployment.apps</c>, or just <c>Pod</c> for the core group.</summary>
internal readonly record struct GroupKind(string Group, string Kind)
{
    public override string ToString() => Group.Length == 0 ? Kind : $"{Kind}.{Group}";
}
