namespace Actors.Grains.Abstractions.Resources;

/// <summary>
/// The authentication.k8s.io SelfSubjectReview: who is the caller (<c>kubectl auth whoami</c>), answered from the request's own credentials and never stored.
/// Its spec and status are kept as sent and as answered.
/// </summary>
public sealed class SelfSubjectReview : KubernetesObject
{
    public const string KindValue = "SelfSubjectReview";

    public SelfSubjectReview()
    {
        Kind = KindValue;
    }
}
