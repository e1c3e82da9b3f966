namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes SecurityContext type.</summary>
public sealed class SecurityContext : ResourceModel
{
    public Capabilities? Capabilities { get; set; }

    public bool? Privileged { get; set; }

    public long? RunAsUser { get; set; }

    public long? RunAsGroup { get; set; }

    public bool? RunAsNonRoot { get; set; }

    public bool? ReadOnlyRootFilesystem { get; set; }

    public bool? AllowPrivilegeEscalation { get; set; }
}
