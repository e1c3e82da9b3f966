using Actors.Grains.Abstractions.Resources;
using Actors.NodeAgent.Agent;

namespace Actors.NodeAgent.Tests.Agent;

[Trait("Category", "Unit")]
public sealed class PodReferencesTests
{
    private static readonly Pod Pod = new()
    {
        Spec = new PodSpec
        {
            InitContainers =
            [
                new Container { Name = "init", EnvFrom = [new EnvFromSource { ConfigMapRef = new ConfigMapEnvSource { Name = "init-config" } }] },
            ],
            Containers =
            [
                new Container
                {
                    Name = "app",
                    EnvFrom = [new EnvFromSource { SecretRef = new SecretEnvSource { Name = "env-secret" } }],
                    Env =
                    [
                        new EnvVar { Name = "A", Value = "literal" },
                        new EnvVar { Name = "B", ValueFrom = new EnvVarSource { ConfigMapKeyRef = new ConfigMapKeySelector { Name = "key-config", Key = "k" } } },
                        new EnvVar { Name = "C", ValueFrom = new EnvVarSource { SecretKeyRef = new SecretKeySelector { Name = "key-secret", Key = "k" } } },
                        new EnvVar { Name = "D", ValueFrom = new EnvVarSource { ConfigMapKeyRef = new ConfigMapKeySelector { Name = "key-config", Key = "other" } } },
                    ],
                },
            ],
            Volumes =
            [
                new Volume { Name = "cfg", ConfigMap = new ConfigMapVolumeSource { Name = "volume-config" } },
                new Volume { Name = "sec", Secret = new SecretVolumeSource { SecretName = "volume-secret" } },
                new Volume { Name = "scratch", EmptyDir = new EmptyDirVolumeSource() },
            ],
        },
    };

    [Fact]
    public void ConfigMaps_are_those_named_by_env_envFrom_and_volumes_of_every_container() =>
        Assert.Equal(["init-config", "key-config", "volume-config"], PodReferences.ConfigMaps(Pod).Order());

    [Fact]
    public void Secrets_are_those_named_by_env_envFrom_and_volumes() =>
        Assert.Equal(["env-secret", "key-secret", "volume-secret"], PodReferences.Secrets(Pod).Order());

    [Fact]
    public void A_pod_without_a_spec_refers_to_nothing()
    {
        Assert.Empty(PodReferences.ConfigMaps(new Pod()));
        Assert.Empty(PodReferences.Secrets(new Pod()));
    }
}
