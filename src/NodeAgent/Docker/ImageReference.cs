namespace Actors.NodeAgent.Docker;

/// <summary>Splits an image reference into the repository and tag (or digest) the pull endpoint takes separately.</summary>
internal static class ImageReference
{
    public static (string Repository, string Tag) Split(string reference)
    {
        var at = reference.IndexOf('@');
        if (at >= 0)
        {
            return (reference[..at], reference[(at + 1)..]);
        }
        var colon = reference.LastIndexOf(':');
        // A colon before the last slash is a registry port (host:5000/repo), not a tag.
        if (colon > reference.LastIndexOf('/'))
        {
            return (reference[..colon], reference[(colon + 1)..]);
        }
        return (reference, "latest");
    }
}
