using System.Globalization;
using System.Net;
using Actors.Grains.Abstractions.Defaulting;
using Actors.Grains.Abstractions.Resources;
using Actors.Grains.Abstractions.Selectors;

namespace Actors.Grains.Abstractions.Validation;

/// <summary>
/// Kubernetes' validation for the served kinds, on create and on update, with Kubernetes' reasons, messages and
/// field paths. Expects defaulted objects (see <c>Defaulter</c>), as the real API server does.
/// </summary>
public static class ResourceValidator
{
    public const int ServiceNodePortMin = 30000;
    public const int ServiceNodePortMax = 32767;
    public const int ConfigMapMaxBytes = 1024 * 1024;

    private static readonly string[] StrategyTypes = ["Recreate", "RollingUpdate"];
    private static readonly string[] ServiceTypes = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
    private static readonly string[] SessionAffinities = ["ClientIP", "None"];
    private static readonly string[] TaintEffects = ["NoExecute", "NoSchedule", "PreferNoSchedule"];
    private static readonly string[] ServiceProtocols = ["SCTP", "TCP", "UDP"];

    /// <summary>Validates an object being created.</summary>
    public static ValidationResult ValidateCreate(KubernetesObject obj)
    {
        var errors = new FieldErrors();
        ValidateObject(obj, errors);
        return errors.ToResult();
    }

    /// <summary>Validates an update: the new object on its own, then what may not change.</summary>
    public static ValidationResult ValidateUpdate(KubernetesObject newObj, KubernetesObject oldObj)
    {
        if (newObj is Service newService && oldObj is Service oldService)
        {
            // Kubernetes validates the update with the allocated values carried over, so a replace may leave them out.
            newObj = ServiceCarryOver.Apply(newService, oldService);
        }

        var errors = new FieldErrors();
        ValidateObject(newObj, errors);
        MetadataValidator.ValidateUpdate(newObj.Metadata, oldObj.Metadata, errors);
        switch (newObj, oldObj)
        {
            case (Deployment n, Deployment o):
                SelectorImmutable(n.Spec?.Selector, o.Spec?.Selector, errors);
                break;
            case (ReplicaSet n, ReplicaSet o):
                SelectorImmutable(n.Spec?.Selector, o.Spec?.Selector, errors);
                break;
            case (Pod n, Pod o):
                ValidatePodUpdate(n, o, errors);
                break;
            case (Service n, Service o):
                if (!string.IsNullOrEmpty(o.Spec?.ClusterIP) && ServiceCarryOver.NeedsClusterIP(o.Spec) && ServiceCarryOver.NeedsClusterIP(n.Spec ?? new ServiceSpec())
                    && n.Spec?.ClusterIP != o.Spec.ClusterIP)
                {
                    errors.Invalid("spec.clusterIPs[0]", n.Spec?.ClusterIP ?? "", "may not change once set");
                }

                break;
            case (Secret n, Secret o):
                if (!string.IsNullOrEmpty(o.Type) && n.Type != o.Type)
                {
                    errors.Invalid("type", n.Type ?? "", "field is immutable");
                }

                ImmutableData(o.Immutable, KubernetesJson.Serialize(n.Data) != KubernetesJson.Serialize(o.Data), n.Immutable, errors);
                break;
            case (ConfigMap n, ConfigMap o):
                ImmutableData(o.Immutable, KubernetesJson.Serialize(n.Data) != KubernetesJson.Serialize(o.Data)
                    || KubernetesJson.Serialize(n.BinaryData) != KubernetesJson.Serialize(o.BinaryData), n.Immutable, errors);
                break;
        }

        return errors.ToResult();
    }

    private static void ValidateObject(KubernetesObject obj, FieldErrors errors)
    {
        var kind = KindRegistry.FindByType(obj.GetType());
        var namespaced = kind?.Namespaced ?? true;
        Func<string, IReadOnlyList<string>> nameRule = obj switch
        {
            Namespace => NameRules.IsDnsLabel,
            Service => NameRules.IsDns1035Label,
            _ => NameRules.IsDnsSubdomain,
        };
        MetadataValidator.Validate(obj.Metadata, namespaced, nameRule, errors);
        switch (obj)
        {
            case Pod pod:
                PodSpecValidator.ValidateSpec(pod.Spec, "spec", errors);
                break;
            case Deployment deployment:
                ValidateDeployment(deployment.Spec, errors);
                break;
            case ReplicaSet replicaSet:
                ValidateReplicaSet(replicaSet.Spec, errors);
                break;
            case Service service:
                ValidateService(service.Spec, errors);
                break;
            case ConfigMap configMap:
                ValidateConfigMap(configMap, errors);
                break;
            case Secret secret:
                ValidateSecret(secret, errors);
                break;
            case Node node:
                ValidateNode(node, errors);
                break;
            case Event ev:
                if (ev.InvolvedObject is null)
                {
                    errors.Required("involvedObject");
                }

                break;
        }
    }

    private static void ValidateDeployment(DeploymentSpec? spec, FieldErrors errors)
    {
        spec ??= new DeploymentSpec();
        PodSpecValidator.CheckNonNegative(spec.Replicas, "spec.replicas", errors);
        ValidateSelectorAndTemplate(spec.Selector, spec.Template, "deployment", errors);
        PodSpecValidator.CheckNonNegative(spec.MinReadySeconds, "spec.minReadySeconds", errors);
        PodSpecValidator.CheckNonNegative(spec.RevisionHistoryLimit, "spec.revisionHistoryLimit", errors);
        if (spec.ProgressDeadlineSeconds is { } deadline)
        {
            PodSpecValidator.CheckNonNegative(deadline, "spec.progressDeadlineSeconds", errors);
            if (deadline <= (spec.MinReadySeconds ?? 0))
            {
                errors.Invalid("spec.progressDeadlineSeconds", deadline, "must be greater than minReadySeconds");
            }
        }

        var strategy = spec.Strategy;
        if (strategy is null)
        {
            return;
        }

        PodSpecValidator.CheckSupported(strategy.Type, "spec.strategy.type", StrategyTypes, errors);
        if (strategy.Type == "Recreate" && strategy.RollingUpdate is not null)
        {
            errors.Forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'");
        }

        if (strategy.RollingUpdate is { } rolling)
        {
            ValidateIntOrPercent(rolling.MaxUnavailable, "spec.strategy.rollingUpdate.maxUnavailable", errors, notMoreThan100: true);
            ValidateIntOrPercent(rolling.MaxSurge, "spec.strategy.rollingUpdate.maxSurge", errors, notMoreThan100: false);
            if (IsZero(rolling.MaxSurge) && IsZero(rolling.MaxUnavailable))
            {
                errors.Invalid("spec.strategy.rollingUpdate.maxUnavailable", ToValue(rolling.MaxUnavailable), "may not be 0 when `maxSurge` is 0");
            }
        }
    }

    private static void ValidateReplicaSet(ReplicaSetSpec? spec, FieldErrors errors)
    {
        spec ??= new ReplicaSetSpec();
        PodSpecValidator.CheckNonNegative(spec.Replicas, "spec.replicas", errors);
        PodSpecValidator.CheckNonNegative(spec.MinReadySeconds, "spec.minReadySeconds", errors);
        ValidateSelectorAndTemplate(spec.Selector, spec.Template, "replicaset", errors);
    }

    private static void ValidateSelectorAndTemplate(LabelSelector? selector, PodTemplateSpec? template, string what, FieldErrors errors)
    {
        if (selector is null)
        {
            errors.Required("spec.selector");
        }
        else
        {
            PodSpecValidator.ValidateLabelSelector(selector, "spec.selector", errors);
            if ((selector.MatchLabels?.Count ?? 0) == 0 && (selector.MatchExpressions?.Count ?? 0) == 0)
            {
                errors.Invalid("spec.selector", FormatSelector(selector), $"empty selector is invalid for {what}");
            }
        }

        if (template is null)
        {
            errors.Required("spec.template");
            return;
        }

        if (selector is not null && TryMatcher(selector) is { IsEverything: false } matcher && !matcher.Matches(template.Metadata?.Labels))
        {
            errors.Invalid("spec.template.metadata.labels", FormatLabels(template.Metadata?.Labels), "`selector` does not match template `labels`");
        }

        PodSpecValidator.ValidateTemplate(template, "spec.template", errors, requireRestartAlways: true);
    }

    private static void ValidateService(ServiceSpec? spec, FieldErrors errors)
    {
        spec ??= new ServiceSpec();
        PodSpecValidator.CheckSupported(spec.Type, "spec.type", ServiceTypes, errors);
        PodSpecValidator.CheckSupported(spec.SessionAffinity, "spec.sessionAffinity", SessionAffinities, errors);
        var headless = spec.ClusterIP == "None";
        var ports = spec.Ports ?? [];
        if (spec.Type == "ExternalName")
        {
            // The value (a CNAME) may end in a dot to say it is fully qualified.
            var cname = spec.ExternalName?.TrimEnd('.') ?? "";
            if (cname.Length == 0)
            {
                errors.Required("spec.externalName");
            }
            else
            {
                errors.InvalidEach("spec.externalName", cname, NameRules.IsDnsSubdomain(cname));
            }

            if (!string.IsNullOrEmpty(spec.ClusterIP) || (spec.ClusterIPs?.Count ?? 0) > 0)
            {
                errors.Forbidden("spec.clusterIPs", "may not be set for ExternalName services");
            }
        }
        else if (ports.Count == 0 && !headless)
        {
            errors.Required("spec.ports");
        }

        if (headless && spec.Type is "NodePort" or "LoadBalancer")
        {
            errors.Invalid("spec.clusterIPs[0]", "None", $"may not be set to 'None' for {spec.Type} services");
        }

        if (!string.IsNullOrEmpty(spec.ClusterIP) && !headless && spec.Type != "ExternalName" && !IPAddress.TryParse(spec.ClusterIP, out _))
        {
            errors.Invalid("spec.clusterIPs[0]", spec.ClusterIP, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var portKeys = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var port in ports)
        {
            var path = $"spec.ports[{index++}]";
            if (string.IsNullOrEmpty(port.Name))
            {
                if (ports.Count > 1)
                {
                    errors.Required(path + ".name");
                }
            }
            else
            {
                errors.InvalidEach(path + ".name", port.Name, NameRules.IsDnsLabel(port.Name));
                if (!names.Add(port.Name))
                {
                    errors.Duplicate(path + ".name", port.Name);
                }
            }

            PodSpecValidator.CheckPortRange(port.Port ?? 0, path + ".port", errors);
            PodSpecValidator.CheckSupported(port.Protocol, path + ".protocol", ServiceProtocols, errors);
            if (port.TargetPort is { } target)
            {
                if (target.IsInt)
                {
                    PodSpecValidator.CheckPortRange(target.IntValue, path + ".targetPort", errors);
                }
                else
                {
                    errors.InvalidEach(path + ".targetPort", target.StringValue, NameRules.IsValidPortName(target.StringValue));
                }
            }

            if (port.NodePort is { } nodePort and not 0)
            {
                if (spec.Type is "ClusterIP" or "ExternalName" or null)
                {
                    errors.Forbidden(path + ".nodePort", $"may not be used when `type` is '{spec.Type ?? "ClusterIP"}'");
                }
                else if (nodePort is < ServiceNodePortMin or > ServiceNodePortMax)
                {
                    errors.Invalid(path + ".nodePort", nodePort, $"provided port is not in the valid range. The range of valid ports is {ServiceNodePortMin}-{ServiceNodePortMax}");
                }
            }

            var key = $"{port.Port}/{port.Protocol ?? "TCP"}";
            if (!portKeys.Add(key))
            {
                errors.Duplicate(path, key);
            }
        }

        MetadataValidator.ValidateLabels(spec.Selector, "spec.selector", errors);
    }

    private static void ValidateConfigMap(ConfigMap configMap, FieldErrors errors)
    {
        var total = 0L;
        foreach (var (key, value) in configMap.Data ?? [])
        {
            errors.InvalidEach("data[" + key + "]", key, NameRules.IsConfigMapKey(key));
            total += value.Length;
        }

        foreach (var (key, value) in configMap.BinaryData ?? [])
        {
            errors.InvalidEach("binaryData[" + key + "]", key, NameRules.IsConfigMapKey(key));
            if (configMap.Data?.ContainsKey(key) == true)
            {
                errors.Invalid("data[" + key + "]", key, "duplicate of key present in binaryData");
            }

            total += value.Length;
        }

        if (total > ConfigMapMaxBytes)
        {
            errors.TooLong("", ConfigMapMaxBytes);
        }
    }

    private static void ValidateSecret(Secret secret, FieldErrors errors)
    {
        var total = 0L;
        foreach (var (key, value) in secret.Data ?? [])
        {
            errors.InvalidEach("data[" + key + "]", key, NameRules.IsConfigMapKey(key));
            total += value.Length;
        }

        foreach (var key in (secret.StringData ?? []).Keys)
        {
            errors.InvalidEach("stringData[" + key + "]", key, NameRules.IsConfigMapKey(key));
        }

        if (total > ConfigMapMaxBytes)
        {
            errors.TooLong("data", ConfigMapMaxBytes);
        }
    }

    private static void ValidateNode(Node node, FieldErrors errors)
    {
        var index = 0;
        foreach (var taint in node.Spec?.Taints ?? [])
        {
            var path = $"spec.taints[{index++}]";
            if (string.IsNullOrEmpty(taint.Key))
            {
                errors.Required(path + ".key");
            }
            else
            {
                errors.InvalidEach(path + ".key", taint.Key, NameRules.IsQualifiedName(taint.Key));
            }

            if (string.IsNullOrEmpty(taint.Effect))
            {
                errors.Required(path + ".effect");
            }
            else
            {
                PodSpecValidator.CheckSupported(taint.Effect, path + ".effect", TaintEffects, errors);
            }
        }
    }

    private static void ValidatePodUpdate(Pod newPod, Pod oldPod, FieldErrors errors)
    {
        // Only images, activeDeadlineSeconds, added tolerations and terminationGracePeriodSeconds may change.
        var newSpec = KubernetesJson.Clone(newPod.Spec ?? new PodSpec());
        var oldSpec = KubernetesJson.Clone(oldPod.Spec ?? new PodSpec());
        CopyImages(oldSpec.Containers, newSpec.Containers);
        CopyImages(oldSpec.InitContainers, newSpec.InitContainers);
        newSpec.ActiveDeadlineSeconds = oldSpec.ActiveDeadlineSeconds;
        newSpec.TerminationGracePeriodSeconds = oldSpec.TerminationGracePeriodSeconds;
        newSpec.Tolerations = oldSpec.Tolerations;
        if (string.IsNullOrEmpty(oldSpec.NodeName))
        {
            newSpec.NodeName = oldSpec.NodeName;
        }

        if (KubernetesJson.Serialize(newSpec) != KubernetesJson.Serialize(oldSpec))
        {
            errors.Forbidden("spec", "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)");
        }

        var oldTolerations = (oldPod.Spec?.Tolerations ?? []).Select(KubernetesJson.Serialize).ToHashSet(StringComparer.Ordinal);
        var newTolerations = (newPod.Spec?.Tolerations ?? []).Select(KubernetesJson.Serialize).ToHashSet(StringComparer.Ordinal);
        if (!oldTolerations.IsSubsetOf(newTolerations))
        {
            errors.Forbidden("spec.tolerations", "existing toleration can not be modified except its tolerationSeconds");
        }
    }

    private static void CopyImages(List<Container>? from, List<Container>? to)
    {
        if (from is null || to is null || from.Count != to.Count)
        {
            return;
        }

        for (var i = 0; i < to.Count; i++)
        {
            to[i].Image = from[i].Image;
        }
    }

    private static void SelectorImmutable(LabelSelector? newSelector, LabelSelector? oldSelector, FieldErrors errors)
    {
        if (oldSelector is not null && KubernetesJson.Serialize(Canonical(newSelector)) != KubernetesJson.Serialize(Canonical(oldSelector)))
        {
            errors.Invalid("spec.selector", FormatSelector(newSelector), "field is immutable");
        }
    }

    private static LabelSelector? Canonical(LabelSelector? selector) => selector is null
        ? null
        : new LabelSelector
        {
            MatchLabels = selector.MatchLabels is { Count: > 0 } labels ? new Dictionary<string, string>(labels.OrderBy(p => p.Key, StringComparer.Ordinal)) : null,
            MatchExpressions = selector.MatchExpressions is { Count: > 0 } expressions ? expressions : null,
        };

    private static void ImmutableData(bool? oldImmutable, bool dataChanged, bool? newImmutable, FieldErrors errors)
    {
        if (oldImmutable != true)
        {
            return;
        }

        if (newImmutable != true)
        {
            errors.Forbidden("immutable", "field is immutable when `immutable` is set");
        }

        if (dataChanged)
        {
            errors.Forbidden("data", "field is immutable when `immutable` is set");
        }
    }

    private static void ValidateIntOrPercent(IntOrString? value, string path, FieldErrors errors, bool notMoreThan100)
    {
        if (value is not { } v)
        {
            return;
        }

        if (v.IsInt)
        {
            PodSpecValidator.CheckNonNegative(v.IntValue, path, errors);
            return;
        }

        var s = v.StringValue;
        if (s.Length < 2 || !s.EndsWith('%') || !s[..^1].All(char.IsAsciiDigit))
        {
            errors.Invalid(path, s, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')");
            return;
        }

        if (notMoreThan100 && (!int.TryParse(s[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var percent) || percent > 100))
        {
            errors.Invalid(path, s, "must not be greater than 100%");
        }
    }

    private static bool IsZero(IntOrString? value) =>
        value is { } v && (v.IsInt ? v.IntValue == 0 : v.StringValue is "0%" or "0");

    private static object ToValue(IntOrString? value) => value is { IsInt: true } v ? v.IntValue : value?.StringValue ?? "";

    private static LabelMatcher? TryMatcher(LabelSelector selector) =>
        TryFromObject(selector, out var matcher) ? matcher : null;

    private static bool TryFromObject(LabelSelector selector, out LabelMatcher matcher)
    {
        try
        {
            matcher = LabelMatcher.FromLabelSelector(selector);
            return true;
        }
        catch (LabelSelectorParseException)
        {
            matcher = LabelMatcher.Nothing;
            return false;
        }
    }

    private static RawFieldValue FormatLabels(IReadOnlyDictionary<string, string>? labels) => new(
        "map[string]string{" + string.Join(", ", (labels ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => FieldErrors.FormatValue(p.Key) + ":" + FieldErrors.FormatValue(p.Value))) + "}");

    private static RawFieldValue FormatSelector(LabelSelector? selector) => new(selector is null ? "null" : KubernetesJson.Serialize(selector));
}
