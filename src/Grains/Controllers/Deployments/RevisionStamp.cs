using System.Globalization;

namespace Actors.Grains.Controllers.Deployments;

/// <summary>
/// The revision annotations of a Deployment's new ReplicaSet, as Kubernetes stamps them: the new set's revision
/// must be the greatest, so a set that becomes new again (after <c>kubectl rollout undo</c>) takes the next
/// number and keeps its earlier ones in <c>revision-history</c>, oldest dropped first past a length limit.
/// </summary>
public static class RevisionStamp
{
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    public const string HistoryAnnotation = "deployment.kubernetes.io/revision-history";

    /// <summary>The longest revision-history kept, in characters (the controller manager's default).</summary>
    public const int MaxHistoryLength = 2000;

    /// <summary>
    /// The revision and revision-history for a set stamped with <paramref name="next"/> (the greatest revision
    /// of the old sets + 1); null when the set keeps what it has — its revision is not smaller, or not a number.
    /// </summary>
    public static (string Revision, string? History)? Restamp(string? revision, string? history, long next)
    {
        var current = 0L;
        if (!string.IsNullOrEmpty(revision) && !long.TryParse(revision, NumberStyles.Integer, CultureInfo.InvariantCulture, out current))
        {
            return null;
        }
        if (current >= next)
        {
            return null;
        }
        var stamped = next.ToString(CultureInfo.InvariantCulture);
        return string.IsNullOrEmpty(revision) ? (stamped, history) : (stamped, AppendHistory(history, revision));
    }

    private static string? AppendHistory(string? history, string revision)
    {
        if (string.IsNullOrEmpty(history))
        {
            return revision;
        }
        var earlier = history.Split(',');
        var length = history.Length + revision.Length + 1;
        var start = 0;
        while (length > MaxHistoryLength && start < earlier.Length)
        {
            length -= earlier[start].Length + 1;
            start++;
        }
        return length <= MaxHistoryLength ? string.Join(",", earlier[start..].Append(revision)) : history;
    }
}
