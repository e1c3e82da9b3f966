using System.Collections.Frozen;

namespace Actors.Gateway.Protobuf;

/// <summary>
/// Field numbers of the Kubernetes messages kubectl 1.32+ sends as protobuf (k8s.io/api and apimachinery
/// <c>generated.proto</c>, v0.33), with the pointer and inline facts of <c>kubectl-probe/fieldinfo.json</c>.
/// Fields not listed are skipped by the decoder.
/// </summary>
internal static class KubeProtoSchema
{
    private static readonly FrozenDictionary<string, FrozenDictionary<int, ProtoField>> Messages = BuildMessages();

    private static readonly FrozenDictionary<(string Group, string Kind), string> TopLevel = new Dictionary<(string, string), string>
    {
        [("", "Namespace")] = "core.Namespace",
        [("", "ConfigMap")] = "core.ConfigMap",
        [("", "Secret")] = "core.Secret",
        [("", "Service")] = "core.Service",
        [("", "Pod")] = "core.Pod",
        [("apps", "Deployment")] = "apps.Deployment",
        [("authorization.k8s.io", "SelfSubjectAccessReview")] = "authorization.SelfSubjectAccessReview",
        [("authorization.k8s.io", "SelfSubjectRulesReview")] = "authorization.SelfSubjectRulesReview",
        [("authentication.k8s.io", "SelfSubjectReview")] = "authentication.SelfSubjectReview",
    }.ToFrozenDictionary();

    /// <summary>The message for a top-level object; <c>DeleteOptions</c> lives in meta/v1 whatever apiVersion it carries.</summary>
    public static string? TopLevelMessage(string apiVersion, string kind)
    {
        if (kind == "DeleteOptions")
        {
            return "meta.DeleteOptions";
        }

        var slash = apiVersion.IndexOf('/');
        var group = slash < 0 ? string.Empty : apiVersion[..slash];
        return TopLevel.TryGetValue((group, kind), out var message) ? message : null;
    }

    public static IReadOnlyDictionary<int, ProtoField> Fields(string message) => Messages[message];

    private static ProtoField S(int n, string name, bool ptr = false) => new(n, name, ProtoKind.String, Pointer: ptr);

    private static ProtoField Strings(int n, string name) => new(n, name, ProtoKind.String, Repeated: true);

    private static ProtoField I32(int n, string name, bool ptr = false) => new(n, name, ProtoKind.Int32, Pointer: ptr);

    private static ProtoField I64(int n, string name, bool ptr = false) => new(n, name, ProtoKind.Int64, Pointer: ptr);

    private static ProtoField B(int n, string name, bool ptr = false) => new(n, name, ProtoKind.Bool, Pointer: ptr);

    private static ProtoField M(int n, string name, string message) => new(n, name, ProtoKind.Message, message);

    private static ProtoField Ms(int n, string name, string message) => new(n, name, ProtoKind.Message, message, Repeated: true);

    private static ProtoField Inline(int n, string message) => new(n, string.Empty, ProtoKind.Message, message, Inline: true);

    private static ProtoField K(int n, string name, ProtoKind kind, bool ptr = false) => new(n, name, kind, Pointer: ptr);

    private static FrozenDictionary<string, FrozenDictionary<int, ProtoField>> BuildMessages()
    {
        var m = new Dictionary<string, ProtoField[]>
        {
            ["meta.ObjectMeta"] =
            [
                S(1, "name"), S(2, "generateName"), S(3, "namespace"), S(4, "selfLink"), S(5, "uid"), S(6, "resourceVersion"),
                I64(7, "generation"), K(8, "creationTimestamp", ProtoKind.Time), K(9, "deletionTimestamp", ProtoKind.Time),
                I64(10, "deletionGracePeriodSeconds", ptr: true), K(11, "labels", ProtoKind.StringMap),
                K(12, "annotations", ProtoKind.StringMap), Ms(13, "ownerReferences", "meta.OwnerReference"),
                Strings(14, "finalizers"), Ms(17, "managedFields", "meta.ManagedFieldsEntry"),
            ],
            ["meta.OwnerReference"] =
            [
                S(1, "kind"), S(3, "name"), S(4, "uid"), S(5, "apiVersion"), B(6, "controller", ptr: true),
                B(7, "blockOwnerDeletion", ptr: true),
            ],
            ["meta.ManagedFieldsEntry"] =
            [
                S(1, "manager"), S(2, "operation"), S(3, "apiVersion"), K(4, "time", ProtoKind.Time), S(6, "fieldsType"),
                K(7, "fieldsV1", ProtoKind.RawJson), S(8, "subresource"),
            ],
            ["meta.LabelSelector"] = [K(1, "matchLabels", ProtoKind.StringMap), Ms(2, "matchExpressions", "meta.LabelSelectorRequirement")],
            ["meta.LabelSelectorRequirement"] = [S(1, "key"), S(2, "operator"), Strings(3, "values")],
            ["meta.Condition"] =
            [
                S(1, "type"), S(2, "status"), I64(3, "observedGeneration"), K(4, "lastTransitionTime", ProtoKind.Time),
                S(5, "reason"), S(6, "message"),
            ],
            ["meta.DeleteOptions"] =
            [
                I64(1, "gracePeriodSeconds", ptr: true), M(2, "preconditions", "meta.Preconditions"),
                B(3, "orphanDependents", ptr: true), S(4, "propagationPolicy", ptr: true), Strings(5, "dryRun"),
                B(6, "ignoreStoreReadErrorWithClusterBreakingPotential", ptr: true),
            ],
            ["meta.Preconditions"] = [S(1, "uid", ptr: true), S(2, "resourceVersion", ptr: true)],

            ["core.Namespace"] = [M(1, "metadata", "meta.ObjectMeta"), M(2, "spec", "core.NamespaceSpec"), M(3, "status", "core.NamespaceStatus")],
            ["core.NamespaceSpec"] = [Strings(1, "finalizers")],
            ["core.NamespaceStatus"] = [S(1, "phase")],
            ["core.ConfigMap"] =
            [
                M(1, "metadata", "meta.ObjectMeta"), K(2, "data", ProtoKind.StringMap), K(3, "binaryData", ProtoKind.BytesMap),
                B(4, "immutable", ptr: true),
            ],
            ["core.Secret"] =
            [
                M(1, "metadata", "meta.ObjectMeta"), K(2, "data", ProtoKind.BytesMap), S(3, "type"),
                K(4, "stringData", ProtoKind.StringMap), B(5, "immutable", ptr: true),
            ],
            ["core.Service"] = [M(1, "metadata", "meta.ObjectMeta"), M(2, "spec", "core.ServiceSpec"), M(3, "status", "core.ServiceStatus")],
            ["core.ServiceSpec"] =
            [
                Ms(1, "ports", "core.ServicePort"), K(2, "selector", ProtoKind.StringMap), S(3, "clusterIP"), S(4, "type"),
                Strings(5, "externalIPs"), S(7, "sessionAffinity"), S(8, "loadBalancerIP"), Strings(9, "loadBalancerSourceRanges"),
                S(10, "externalName"), S(11, "externalTrafficPolicy"), I32(12, "healthCheckNodePort"),
                B(13, "publishNotReadyAddresses"), M(14, "sessionAffinityConfig", "core.SessionAffinityConfig"),
                S(17, "ipFamilyPolicy", ptr: true), Strings(18, "clusterIPs"), Strings(19, "ipFamilies"),
                B(20, "allocateLoadBalancerNodePorts", ptr: true), S(21, "loadBalancerClass", ptr: true),
                S(22, "internalTrafficPolicy", ptr: true), S(23, "trafficDistribution", ptr: true),
            ],
            ["core.ServicePort"] =
            [
                S(1, "name"), S(2, "protocol"), I32(3, "port"), K(4, "targetPort", ProtoKind.IntOrString), I32(5, "nodePort"),
                S(6, "appProtocol", ptr: true),
            ],
            ["core.SessionAffinityConfig"] = [M(1, "clientIP", "core.ClientIPConfig")],
            ["core.ClientIPConfig"] = [I32(1, "timeoutSeconds", ptr: true)],
            ["core.ServiceStatus"] = [M(1, "loadBalancer", "core.LoadBalancerStatus"), Ms(2, "conditions", "meta.Condition")],
            ["core.LoadBalancerStatus"] = [Ms(1, "ingress", "core.LoadBalancerIngress")],
            ["core.LoadBalancerIngress"] = [S(1, "ip"), S(2, "hostname")],

            ["core.Pod"] = [M(1, "metadata", "meta.ObjectMeta"), M(2, "spec", "core.PodSpec"), M(3, "status", "core.PodStatus")],
            ["core.PodStatus"] = [S(1, "phase")],
            ["core.PodTemplateSpec"] = [M(1, "metadata", "meta.ObjectMeta"), M(2, "spec", "core.PodSpec")],
            ["core.PodSpec"] =
            [
                Ms(1, "volumes", "core.Volume"), Ms(2, "containers", "core.Container"), S(3, "restartPolicy"),
                I64(4, "terminationGracePeriodSeconds", ptr: true), I64(5, "activeDeadlineSeconds", ptr: true), S(6, "dnsPolicy"),
                K(7, "nodeSelector", ProtoKind.StringMap), S(8, "serviceAccountName"), S(9, "serviceAccount"), S(10, "nodeName"),
                B(11, "hostNetwork"), B(12, "hostPID"), B(13, "hostIPC"), M(14, "securityContext", "core.PodSecurityContext"),
                Ms(15, "imagePullSecrets", "core.LocalObjectReference"), S(16, "hostname"), S(17, "subdomain"),
                S(19, "schedulerName"), Ms(20, "initContainers", "core.Container"), B(21, "automountServiceAccountToken", ptr: true),
                Ms(22, "tolerations", "core.Toleration"), S(24, "priorityClassName"), I32(25, "priority", ptr: true),
                B(27, "shareProcessNamespace", ptr: true), S(29, "runtimeClassName", ptr: true), B(30, "enableServiceLinks", ptr: true),
                S(31, "preemptionPolicy", ptr: true), B(35, "setHostnameAsFQDN", ptr: true), B(37, "hostUsers", ptr: true),
            ],
            ["core.Container"] =
            [
                S(1, "name"), S(2, "image"), Strings(3, "command"), Strings(4, "args"), S(5, "workingDir"),
                Ms(6, "ports", "core.ContainerPort"), Ms(7, "env", "core.EnvVar"), M(8, "resources", "core.ResourceRequirements"),
                Ms(9, "volumeMounts", "core.VolumeMount"), M(10, "livenessProbe", "core.Probe"), M(11, "readinessProbe", "core.Probe"),
                S(13, "terminationMessagePath"), S(14, "imagePullPolicy"), M(15, "securityContext", "core.SecurityContext"),
                B(16, "stdin"), B(17, "stdinOnce"), B(18, "tty"), Ms(19, "envFrom", "core.EnvFromSource"),
                S(20, "terminationMessagePolicy"), M(22, "startupProbe", "core.Probe"), S(24, "restartPolicy", ptr: true),
            ],
            ["core.ContainerPort"] = [S(1, "name"), I32(2, "hostPort"), I32(3, "containerPort"), S(4, "protocol"), S(5, "hostIP")],
            ["core.EnvVar"] = [S(1, "name"), S(2, "value"), M(3, "valueFrom", "core.EnvVarSource")],
            ["core.EnvVarSource"] =
            [
                M(1, "fieldRef", "core.ObjectFieldSelector"), M(2, "resourceFieldRef", "core.ResourceFieldSelector"),
                M(3, "configMapKeyRef", "core.KeySelector"), M(4, "secretKeyRef", "core.KeySelector"),
            ],
            ["core.ObjectFieldSelector"] = [S(1, "apiVersion"), S(2, "fieldPath")],
            ["core.ResourceFieldSelector"] = [S(1, "containerName"), S(2, "resource"), K(3, "divisor", ProtoKind.Quantity)],

            // ConfigMapKeySelector and SecretKeySelector share their layout.
            ["core.KeySelector"] = [Inline(1, "core.LocalObjectReference"), S(2, "key"), B(3, "optional", ptr: true)],
            ["core.EnvFromSource"] = [S(1, "prefix"), M(2, "configMapRef", "core.EnvSource"), M(3, "secretRef", "core.EnvSource")],
            ["core.EnvSource"] = [Inline(1, "core.LocalObjectReference"), B(2, "optional", ptr: true)],
            ["core.LocalObjectReference"] = [S(1, "name")],
            ["core.ResourceRequirements"] = [K(1, "limits", ProtoKind.QuantityMap), K(2, "requests", ProtoKind.QuantityMap)],
            ["core.VolumeMount"] =
            [
                S(1, "name"), B(2, "readOnly"), S(3, "mountPath"), S(4, "subPath"), S(5, "mountPropagation", ptr: true),
                S(6, "subPathExpr"), S(7, "recursiveReadOnly", ptr: true),
            ],
            ["core.Probe"] =
            [
                Inline(1, "core.ProbeHandler"), I32(2, "initialDelaySeconds"), I32(3, "timeoutSeconds"), I32(4, "periodSeconds"),
                I32(5, "successThreshold"), I32(6, "failureThreshold"), I64(7, "terminationGracePeriodSeconds", ptr: true),
            ],
            ["core.ProbeHandler"] =
            [
                M(1, "exec", "core.ExecAction"), M(2, "httpGet", "core.HTTPGetAction"), M(3, "tcpSocket", "core.TCPSocketAction"),
            ],
            ["core.ExecAction"] = [Strings(1, "command")],
            ["core.HTTPGetAction"] =
            [
                S(1, "path"), K(2, "port", ProtoKind.IntOrString), S(3, "host"), S(4, "scheme"), Ms(5, "httpHeaders", "core.HTTPHeader"),
            ],
            ["core.HTTPHeader"] = [S(1, "name"), S(2, "value")],
            ["core.TCPSocketAction"] = [K(1, "port", ProtoKind.IntOrString), S(2, "host")],
            ["core.SecurityContext"] =
            [
                M(1, "capabilities", "core.Capabilities"), B(2, "privileged", ptr: true), I64(4, "runAsUser", ptr: true),
                B(5, "runAsNonRoot", ptr: true), B(6, "readOnlyRootFilesystem", ptr: true), B(7, "allowPrivilegeEscalation", ptr: true),
                I64(8, "runAsGroup", ptr: true),
            ],
            ["core.Capabilities"] = [Strings(1, "add"), Strings(2, "drop")],
            ["core.PodSecurityContext"] =
            [
                I64(2, "runAsUser", ptr: true), B(3, "runAsNonRoot", ptr: true), new(4, "supplementalGroups", ProtoKind.Int64, Repeated: true),
                I64(5, "fsGroup", ptr: true), I64(6, "runAsGroup", ptr: true),
            ],
            ["core.Toleration"] = [S(1, "key"), S(2, "operator"), S(3, "value"), S(4, "effect"), I64(5, "tolerationSeconds", ptr: true)],
            ["core.Volume"] = [S(1, "name"), Inline(2, "core.VolumeSource")],
            ["core.VolumeSource"] =
            [
                M(1, "hostPath", "core.HostPathVolumeSource"), M(2, "emptyDir", "core.EmptyDirVolumeSource"),
                M(6, "secret", "core.SecretVolumeSource"), M(10, "persistentVolumeClaim", "core.PersistentVolumeClaimVolumeSource"),
                M(19, "configMap", "core.ConfigMapVolumeSource"),
            ],
            ["core.HostPathVolumeSource"] = [S(1, "path"), S(2, "type", ptr: true)],
            ["core.EmptyDirVolumeSource"] = [S(1, "medium"), new(2, "sizeLimit", ProtoKind.Quantity, Pointer: true)],
            ["core.SecretVolumeSource"] =
            [
                S(1, "secretName"), Ms(2, "items", "core.KeyToPath"), I32(3, "defaultMode", ptr: true), B(4, "optional", ptr: true),
            ],
            ["core.ConfigMapVolumeSource"] =
            [
                Inline(1, "core.LocalObjectReference"), Ms(2, "items", "core.KeyToPath"), I32(3, "defaultMode", ptr: true),
                B(4, "optional", ptr: true),
            ],
            ["core.KeyToPath"] = [S(1, "key"), S(2, "path"), I32(3, "mode", ptr: true)],
            ["core.PersistentVolumeClaimVolumeSource"] = [S(1, "claimName"), B(2, "readOnly")],

            ["apps.Deployment"] = [M(1, "metadata", "meta.ObjectMeta"), M(2, "spec", "apps.DeploymentSpec"), M(3, "status", "apps.DeploymentStatus")],
            ["apps.DeploymentSpec"] =
            [
                I32(1, "replicas", ptr: true), M(2, "selector", "meta.LabelSelector"), M(3, "template", "core.PodTemplateSpec"),
                M(4, "strategy", "apps.DeploymentStrategy"), I32(5, "minReadySeconds"), I32(6, "revisionHistoryLimit", ptr: true),
                B(7, "paused"), I32(9, "progressDeadlineSeconds", ptr: true),
            ],
            ["apps.DeploymentStrategy"] = [S(1, "type"), M(2, "rollingUpdate", "apps.RollingUpdateDeployment")],
            ["apps.RollingUpdateDeployment"] = [K(1, "maxUnavailable", ProtoKind.IntOrString), K(2, "maxSurge", ProtoKind.IntOrString)],
            ["apps.DeploymentStatus"] =
            [
                I64(1, "observedGeneration"), I32(2, "replicas"), I32(3, "updatedReplicas"), I32(4, "availableReplicas"),
                I32(5, "unavailableReplicas"), Ms(6, "conditions", "apps.DeploymentCondition"), I32(7, "readyReplicas"),
                I32(8, "collisionCount", ptr: true), I32(9, "terminatingReplicas", ptr: true),
            ],
            ["apps.DeploymentCondition"] =
            [
                S(1, "type"), S(2, "status"), S(4, "reason"), S(5, "message"), K(6, "lastUpdateTime", ProtoKind.Time),
                K(7, "lastTransitionTime", ProtoKind.Time),
            ],

            ["authorization.SelfSubjectAccessReview"] =
            [
                M(1, "metadata", "meta.ObjectMeta"), M(2, "spec", "authorization.SelfSubjectAccessReviewSpec"),
                M(3, "status", "authorization.SubjectAccessReviewStatus"),
            ],
            ["authorization.SelfSubjectAccessReviewSpec"] =
            [
                M(1, "resourceAttributes", "authorization.ResourceAttributes"),
                M(2, "nonResourceAttributes", "authorization.NonResourceAttributes"),
            ],
            ["authorization.ResourceAttributes"] =
            [
                S(1, "namespace"), S(2, "verb"), S(3, "group"), S(4, "version"), S(5, "resource"), S(6, "subresource"), S(7, "name"),
            ],
            ["authorization.NonResourceAttributes"] = [S(1, "path"), S(2, "verb")],
            ["authorization.SubjectAccessReviewStatus"] = [B(1, "allowed"), S(2, "reason"), S(3, "evaluationError"), B(4, "denied")],
            ["authorization.SelfSubjectRulesReview"] =
            [
                M(1, "metadata", "meta.ObjectMeta"), M(2, "spec", "authorization.SelfSubjectRulesReviewSpec"),
                M(3, "status", "authorization.SubjectRulesReviewStatus"),
            ],
            ["authorization.SelfSubjectRulesReviewSpec"] = [S(1, "namespace")],
            ["authorization.SubjectRulesReviewStatus"] = [B(3, "incomplete"), S(4, "evaluationError")],
            ["authentication.SelfSubjectReview"] = [M(1, "metadata", "meta.ObjectMeta"), M(2, "status", "authentication.SelfSubjectReviewStatus")],
            ["authentication.SelfSubjectReviewStatus"] = [],
        };

        return m.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenDictionary(f => f.Number));
    }
}
