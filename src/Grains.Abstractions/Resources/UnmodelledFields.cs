namespace Actors.Grains.Abstractions.Resources;

/// <summary>
/// Fields of the Kubernetes 1.33 API that this model does not declare but keeps verbatim: not unknown to
/// <c>fieldValidation=Strict</c>, which kubectl 1.27+ sends on every apply, so real manifests (preStop hooks,
/// topology spread) are not refused for what the model lacks.
/// </summary>
public static class UnmodelledFields
{
    private static readonly Dictionary<Type, HashSet<string>> ByType = new()
    {
        [typeof(PodSpec)] =
        [
            "topologySpreadConstraints", "dnsConfig", "hostAliases", "readinessGates", "runtimeClassName", "shareProcessNamespace",
            "overhead", "os", "setHostnameAsFQDN", "ephemeralContainers", "schedulingGates", "resourceClaims", "hostUsers", "resources",
        ],
        [typeof(Container)] = ["lifecycle", "volumeDevices", "resizePolicy", "restartPolicy"],
        [typeof(Volume)] =
        [
            "nfs", "csi", "projected", "downwardAPI", "ephemeral", "image", "iscsi", "rbd", "cephfs", "cinder", "fc", "flexVolume",
            "flocker", "gcePersistentDisk", "awsElasticBlockStore", "azureDisk", "azureFile", "gitRepo", "glusterfs",
            "photonPersistentDisk", "portworxVolume", "quobyte", "scaleIO", "storageos", "vsphereVolume",
        ],
        [typeof(Probe)] = ["grpc"],
        [typeof(SecurityContext)] = ["seccompProfile", "appArmorProfile", "seLinuxOptions", "windowsOptions", "procMount"],
        [typeof(PodSecurityContext)] =
        [
            "seccompProfile", "appArmorProfile", "seLinuxOptions", "windowsOptions", "sysctls", "fsGroupChangePolicy",
            "supplementalGroupsPolicy", "seLinuxChangePolicy",
        ],
        [typeof(ServiceSpec)] = ["sessionAffinityConfig", "loadBalancerSourceRanges", "loadBalancerClass", "trafficDistribution"],
        [typeof(VolumeMount)] = ["subPathExpr", "recursiveReadOnly"],
        [typeof(ResourceRequirements)] = ["claims"],
    };

    /// <summary>True when <paramref name="field"/> is a real field of <paramref name="type"/> that the model only keeps.</summary>
    public static bool Contains(Type type, string field) => ByType.TryGetValue(type, out var fields) && fields.Contains(field);
}
