namespace Actors.Grains.Abstractions.Resources;

/// <summary>
/// The authorization.k8s.io SelfSubjectAccessReview: may the caller do this (<c>kubectl auth can-i</c>), answered from the request's own credentials and never stored.
/// Its spec and status are kept as sent and as answered.
/// </summary>
public sealed class SelfSubjectAccessReview : KubernetesObject
{
    public const string KindValue = "SelfSubjectAccessReview";

    public SelfSubjectAccessReview()
    {
        Kind = KindValue;
    }
}
