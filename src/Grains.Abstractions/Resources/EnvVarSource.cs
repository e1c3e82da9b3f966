namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes EnvVarSource type.</summary>
public sealed class EnvVarSource : ResourceModel
{
    public ObjectFieldSelector? FieldRef { get; set; }

    public ResourceFieldSelector? ResourceFieldRef { get; set; }

    public ConfigMapKeySelector? ConfigMapKeyRef { get; set; }

    public SecretKeySelector? SecretKeyRef { get; set; }
}
