namespace Actors.Grains.Abstractions.Resources;

/// <summary>
/// The authorization.k8s.io SelfSubjectRulesReview: what may the caller do (<c>kubectl auth can-i --list</c>), answered from the request's own credentials and never stored.
/// Its spec and status are kept as sent and as answered.
/// </summary>
public sealed class SelfSubjectRulesReview : KubernetesObject
{
    public const string KindValue = "SelfSubjectRulesReview";

    public SelfSubjectRulesReview()
    {
        Kind = KindValue;
    }
}
