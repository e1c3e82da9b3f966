using Actors.Grains.Abstractions.Resources;

namespace Actors.Grains.Abstractions.Validation;

/// <summary>PodSpec, container and pod template rules (Kubernetes <c>ValidatePodSpec</c>).</summary>
internal static class PodSpecValidator
{
    private static readonly string[] RestartPolicies = ["Always", "Never", "OnFailure"];
    private static readonly string[] DnsPolicies = ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"];
    private static readonly string[] PullPolicies = ["Always", "IfNotPresent", "Never"];
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];
    private static readonly string[] MessagePolicies = ["FallbackToLogsOnError", "File"];
    private static readonly string[] TolerationOperators = ["Equal", "Exists"];
    private static readonly string[] TaintEffects = ["NoExecute", "NoSchedule", "PreferNoSchedule"];
    private static readonly string[] SelectorOperators = ["DoesNotExist", "Exists", "In", "NotIn"];

    public static void ValidateTemplate(PodTemplateSpec? template, string path, FieldErrors errors, bool requireRestartAlways)
    {
        if (template is null)
        {
            errors.Required(path);
            return;
        }

        MetadataValidator.ValidateLabels(template.Metadata?.Labels, path + ".metadata.labels", errors);
        MetadataValidator.ValidateAnnotations(template.Metadata?.Annotations, path + ".metadata.annotations", errors);
        ValidateSpec(template.Spec, path + ".spec", errors);
        var restartPolicy = template.Spec?.RestartPolicy;
        if (requireRestartAlways && !string.IsNullOrEmpty(restartPolicy) && restartPolicy != "Always")
        {
            errors.NotSupported(path + ".spec.restartPolicy", restartPolicy, "Always");
        }
    }

    public static void ValidateSpec(PodSpec? spec, string path, FieldErrors errors)
    {
        spec ??= new PodSpec();
        var volumeNames = ValidateVolumes(spec.Volumes, path + ".volumes", errors);
        var containerNames = new HashSet<string>(StringComparer.Ordinal);
        ValidateContainers(spec.InitContainers, path + ".initContainers", volumeNames, containerNames, errors);
        if (spec.Containers is null || spec.Containers.Count == 0)
        {
            errors.Required(path + ".containers");
        }
        else
        {
            ValidateContainers(spec.Containers, path + ".containers", volumeNames, containerNames, errors);
        }

        CheckSupported(spec.RestartPolicy, path + ".restartPolicy", RestartPolicies, errors);
        CheckSupported(spec.DnsPolicy, path + ".dnsPolicy", DnsPolicies, errors);
        if (spec.TerminationGracePeriodSeconds is < 0 and not -1)
        {
            errors.Invalid(path + ".terminationGracePeriodSeconds", spec.TerminationGracePeriodSeconds, "must be greater than or equal to 0");
        }

        if (spec.ActiveDeadlineSeconds is <= 0)
        {
            errors.Invalid(path + ".activeDeadlineSeconds", spec.ActiveDeadlineSeconds, "must be between 1 and 2147483647, inclusive");
        }

        MetadataValidator.ValidateLabels(spec.NodeSelector, path + ".nodeSelector", errors);
        if (!string.IsNullOrEmpty(spec.ServiceAccountName))
        {
            errors.InvalidEach(path + ".serviceAccountName", spec.ServiceAccountName, NameRules.IsDnsSubdomain(spec.ServiceAccountName));
        }

        if (!string.IsNullOrEmpty(spec.NodeName))
        {
            errors.InvalidEach(path + ".nodeName", spec.NodeName, NameRules.IsDnsSubdomain(spec.NodeName));
        }

        var index = 0;
        foreach (var toleration in spec.Tolerations ?? [])
        {
            ValidateToleration(toleration, $"{path}.tolerations[{index++}]", errors);
        }

        ValidateAffinity(spec.Affinity, path + ".affinity", errors);
    }

    public static void ValidateLabelSelector(LabelSelector? selector, string path, FieldErrors errors)
    {
        if (selector is null)
        {
            return;
        }

        MetadataValidator.ValidateLabels(selector.MatchLabels, path + ".matchLabels", errors);
        var index = 0;
        foreach (var expression in selector.MatchExpressions ?? [])
        {
            var expressionPath = $"{path}.matchExpressions[{index++}]";
            var values = expression.Values ?? [];
            switch (expression.Operator)
            {
                case "In" or "NotIn" when values.Count == 0:
                    errors.Required(expressionPath + ".values", "must be specified when `operator` is 'In' or 'NotIn'");
                    break;
                case "Exists" or "DoesNotExist" when values.Count > 0:
                    errors.Forbidden(expressionPath + ".values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                    break;
                case "In" or "NotIn" or "Exists" or "DoesNotExist":
                    break;
                default:
                    errors.NotSupported(expressionPath + ".operator", expression.Operator ?? "", SelectorOperators);
                    break;
            }

            errors.InvalidEach(expressionPath + ".key", expression.Key ?? "", NameRules.IsQualifiedName(expression.Key ?? ""));
        }
    }

    private static HashSet<string> ValidateVolumes(List<Volume>? volumes, string path, FieldErrors errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var volume in volumes ?? [])
        {
            var volumePath = $"{path}[{index++}]";
            if (string.IsNullOrEmpty(volume.Name))
            {
                errors.Required(volumePath + ".name");
            }
            else
            {
                errors.InvalidEach(volumePath + ".name", volume.Name, NameRules.IsDnsLabel(volume.Name));
                if (!names.Add(volume.Name))
                {
                    errors.Duplicate(volumePath + ".name", volume.Name);
                }
            }

            var sources = new object?[] { volume.EmptyDir, volume.HostPath, volume.ConfigMap, volume.Secret, volume.PersistentVolumeClaim }.Count(s => s is not null)
                + (volume.ExtensionData?.Count ?? 0);
            if (sources == 0)
            {
                errors.Required(volumePath, "must specify a volume type");
            }
            else if (sources > 1)
            {
                errors.Forbidden(volumePath, "may not specify more than 1 volume type");
            }

            if (volume.HostPath is { } hostPath && string.IsNullOrEmpty(hostPath.Path))
            {
                errors.Required(volumePath + ".hostPath.path");
            }

            if (volume.ConfigMap is { } configMap && string.IsNullOrEmpty(configMap.Name))
            {
                errors.Required(volumePath + ".configMap.name");
            }

            if (volume.Secret is { } secret && string.IsNullOrEmpty(secret.SecretName))
            {
                errors.Required(volumePath + ".secret.secretName");
            }
        }

        return names;
    }

    private static void ValidateContainers(List<Container>? containers, string path, HashSet<string> volumeNames, HashSet<string> names, FieldErrors errors)
    {
        var index = 0;
        foreach (var container in containers ?? [])
        {
            var containerPath = $"{path}[{index++}]";
            if (string.IsNullOrEmpty(container.Name))
            {
                errors.Required(containerPath + ".name");
            }
            else
            {
                errors.InvalidEach(containerPath + ".name", container.Name, NameRules.IsDnsLabel(container.Name));
                if (!names.Add(container.Name))
                {
                    errors.Duplicate(containerPath + ".name", container.Name);
                }
            }

            if (string.IsNullOrWhiteSpace(container.Image))
            {
                errors.Required(containerPath + ".image");
            }

            CheckSupported(container.ImagePullPolicy, containerPath + ".imagePullPolicy", PullPolicies, errors);
            CheckSupported(container.TerminationMessagePolicy, containerPath + ".terminationMessagePolicy", MessagePolicies, errors);
            ValidatePorts(container.Ports, containerPath + ".ports", errors);
            ValidateEnv(container.Env, containerPath + ".env", errors);
            ValidateMounts(container.VolumeMounts, containerPath + ".volumeMounts", volumeNames, errors);
            ValidateResources(container.Resources, containerPath + ".resources", errors);
            ValidateProbe(container.LivenessProbe, containerPath + ".livenessProbe", errors);
            ValidateProbe(container.ReadinessProbe, containerPath + ".readinessProbe", errors);
            ValidateProbe(container.StartupProbe, containerPath + ".startupProbe", errors);
        }
    }

    private static void ValidatePorts(List<ContainerPort>? ports, string path, FieldErrors errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var port in ports ?? [])
        {
            var portPath = $"{path}[{index++}]";
            if (!string.IsNullOrEmpty(port.Name))
            {
                errors.InvalidEach(portPath + ".name", port.Name, NameRules.IsValidPortName(port.Name));
                if (!names.Add(port.Name))
                {
                    errors.Duplicate(portPath + ".name", port.Name);
                }
            }

            if (port.Port is null or 0)
            {
                errors.Required(portPath + ".containerPort");
            }
            else
            {
                CheckPortRange(port.Port.Value, portPath + ".containerPort", errors);
            }

            if (port.HostPort is { } hostPort and not 0)
            {
                CheckPortRange(hostPort, portPath + ".hostPort", errors);
            }

            CheckSupported(port.Protocol, portPath + ".protocol", Protocols, errors);
        }
    }

    private static void ValidateEnv(List<EnvVar>? env, string path, FieldErrors errors)
    {
        var index = 0;
        foreach (var variable in env ?? [])
        {
            var envPath = $"{path}[{index++}]";
            if (string.IsNullOrEmpty(variable.Name))
            {
                errors.Required(envPath + ".name");
            }
            else
            {
                errors.InvalidEach(envPath + ".name", variable.Name, NameRules.IsEnvVarName(variable.Name));
            }

            if (variable.ValueFrom is not { } source)
            {
                continue;
            }

            var sources = new object?[] { source.FieldRef, source.ResourceFieldRef, source.ConfigMapKeyRef, source.SecretKeyRef }.Count(s => s is not null);
            if (!string.IsNullOrEmpty(variable.Value))
            {
                errors.Invalid(envPath + ".valueFrom", "", "may not be specified when `value` is not empty");
            }

            if (sources == 0)
            {
                errors.Invalid(envPath + ".valueFrom", "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`");
            }
            else if (sources > 1)
            {
                errors.Invalid(envPath + ".valueFrom", "", "may not have more than one field specified at a time");
            }

            if (source.FieldRef is { } fieldRef && string.IsNullOrEmpty(fieldRef.FieldPath))
            {
                errors.Required(envPath + ".valueFrom.fieldRef.fieldPath");
            }

            if (source.ConfigMapKeyRef is { } configMapKey && string.IsNullOrEmpty(configMapKey.Key))
            {
                errors.Required(envPath + ".valueFrom.configMapKeyRef.key");
            }

            if (source.SecretKeyRef is { } secretKey && string.IsNullOrEmpty(secretKey.Key))
            {
                errors.Required(envPath + ".valueFrom.secretKeyRef.key");
            }
        }
    }

    private static void ValidateMounts(List<VolumeMount>? mounts, string path, HashSet<string> volumeNames, FieldErrors errors)
    {
        var mountPaths = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var mount in mounts ?? [])
        {
            var mountPath = $"{path}[{index++}]";
            if (string.IsNullOrEmpty(mount.Name))
            {
                errors.Required(mountPath + ".name");
            }
            else if (!volumeNames.Contains(mount.Name))
            {
                errors.NotFound(mountPath + ".name", mount.Name);
            }

            if (string.IsNullOrEmpty(mount.MountPath))
            {
                errors.Required(mountPath + ".mountPath");
            }
            else if (!mountPaths.Add(mount.MountPath))
            {
                errors.Invalid(mountPath + ".mountPath", mount.MountPath, "must be unique");
            }
        }
    }

    private static void ValidateResources(ResourceRequirements? resources, string path, FieldErrors errors)
    {
        if (resources is null)
        {
            return;
        }

        foreach (var (name, quantity) in resources.Limits ?? [])
        {
            CheckNonNegative(quantity, $"{path}.limits[{name}]", errors);
        }

        foreach (var (name, quantity) in resources.Requests ?? [])
        {
            CheckNonNegative(quantity, $"{path}.requests[{name}]", errors);
            if (resources.Limits is { } limits && limits.TryGetValue(name, out var limit) && quantity > limit)
            {
                errors.Invalid($"{path}.requests", quantity.ToString(), $"must be less than or equal to {name} limit of {limit}");
            }
        }
    }

    private static void ValidateProbe(Probe? probe, string path, FieldErrors errors)
    {
        if (probe is null)
        {
            return;
        }

        var handlers = new object?[] { probe.Exec, probe.HttpGet, probe.TcpSocket }.Count(h => h is not null)
            + (probe.ExtensionData?.ContainsKey("grpc") == true ? 1 : 0);
        if (handlers == 0)
        {
            errors.Required(path, "must specify a handler type");
        }
        else if (handlers > 1)
        {
            errors.Forbidden(path, "may not specify more than 1 handler type");
        }

        CheckNonNegative(probe.InitialDelaySeconds, path + ".initialDelaySeconds", errors);
        CheckNonNegative(probe.TimeoutSeconds, path + ".timeoutSeconds", errors);
        CheckNonNegative(probe.PeriodSeconds, path + ".periodSeconds", errors);
        CheckNonNegative(probe.SuccessThreshold, path + ".successThreshold", errors);
        CheckNonNegative(probe.FailureThreshold, path + ".failureThreshold", errors);
        if (probe.HttpGet is { } httpGet)
        {
            CheckPortOrName(httpGet.Port, path + ".httpGet.port", errors);
            CheckSupported(httpGet.Scheme, path + ".httpGet.scheme", ["HTTP", "HTTPS"], errors);
        }

        if (probe.TcpSocket is { } tcp)
        {
            CheckPortOrName(tcp.Port, path + ".tcpSocket.port", errors);
        }

        if (probe.Exec is { } exec && (exec.Command is null || exec.Command.Count == 0))
        {
            errors.Required(path + ".exec.command");
        }
    }

    private static void ValidateToleration(Toleration toleration, string path, FieldErrors errors)
    {
        if (!string.IsNullOrEmpty(toleration.Key))
        {
            errors.InvalidEach(path + ".key", toleration.Key, NameRules.IsQualifiedName(toleration.Key));
        }

        CheckSupported(toleration.Operator, path + ".operator", TolerationOperators, errors);
        if (toleration.Operator == "Exists" && !string.IsNullOrEmpty(toleration.Value))
        {
            errors.Invalid(path + ".operator", toleration.Operator, "value must be empty when `operator` is 'Exists'");
        }

        if (string.IsNullOrEmpty(toleration.Key) && toleration.Operator != "Exists")
        {
            errors.Invalid(path + ".operator", toleration.Operator ?? "", "operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
        }

        CheckSupported(toleration.Effect, path + ".effect", TaintEffects, errors);
        if (toleration.TolerationSeconds is not null && toleration.Effect != "NoExecute")
        {
            errors.Invalid(path + ".effect", toleration.Effect ?? "", "effect must be 'NoExecute' when `tolerationSeconds` is set");
        }
    }

    private static void ValidateAffinity(Affinity? affinity, string path, FieldErrors errors)
    {
        var terms = affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms;
        if (affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution is not null && (terms is null || terms.Count == 0))
        {
            errors.Required(path + ".nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms", "must have at least one node selector term");
        }

        var index = 0;
        foreach (var term in affinity?.PodAntiAffinity?.RequiredDuringSchedulingIgnoredDuringExecution ?? [])
        {
            var termPath = $"{path}.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[{index++}]";
            if (string.IsNullOrEmpty(term.TopologyKey))
            {
                errors.Required(termPath + ".topologyKey", "can not be empty");
            }

            ValidateLabelSelector(term.LabelSelector, termPath + ".labelSelector", errors);
        }
    }

    private static void CheckPortOrName(IntOrString? port, string path, FieldErrors errors)
    {
        if (port is not { } value)
        {
            errors.Required(path);
        }
        else if (value.IsInt)
        {
            CheckPortRange(value.IntValue, path, errors);
        }
        else
        {
            errors.InvalidEach(path, value.StringValue, NameRules.IsValidPortName(value.StringValue));
        }
    }

    internal static void CheckPortRange(int port, string path, FieldErrors errors)
    {
        if (port is < 1 or > 65535)
        {
            errors.Invalid(path, port, "must be between 1 and 65535, inclusive");
        }
    }

    internal static void CheckSupported(string? value, string path, string[] supported, FieldErrors errors)
    {
        if (!string.IsNullOrEmpty(value) && !supported.Contains(value))
        {
            errors.NotSupported(path, value, supported);
        }
    }

    internal static void CheckNonNegative(long? value, string path, FieldErrors errors)
    {
        if (value is < 0)
        {
            errors.Invalid(path, value.Value, "must be greater than or equal to 0");
        }
    }

    private static void CheckNonNegative(Quantity quantity, string path, FieldErrors errors)
    {
        if (quantity.Value < 0)
        {
            errors.Invalid(path, quantity.ToString(), "must be greater than or equal to 0");
        }
    }
}
