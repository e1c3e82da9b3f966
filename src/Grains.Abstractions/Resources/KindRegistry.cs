namespace Actors.Grains.Abstractions.Resources;

/// <summary>The kinds this server serves; the gateway builds discovery from it and the store its key space.</summary>
public static class KindRegistry
{
    private static readonly string[] AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
    private static readonly string[] NamespaceVerbs = ["create", "delete", "get", "list", "patch", "update", "watch"];
    private static readonly string[] AllCategory = ["all"];

    public static ResourceKind Namespaces { get; } = Core("Namespace", "namespaces", ["ns"], namespaced: false, typeof(Namespace), NamespaceVerbs, [], ["status", "finalize"]);

    public static ResourceKind Pods { get; } = Core("Pod", "pods", ["po"], namespaced: true, typeof(Pod), AllVerbs, AllCategory, ["status", "log", "eviction", "exec", "attach", "portforward", "binding"]);

    public static ResourceKind Services { get; } = Core("Service", "services", ["svc"], namespaced: true, typeof(Service), AllVerbs, AllCategory, ["status", "proxy"]);

    public static ResourceKind Endpoints { get; } = Core("Endpoints", "endpoints", ["ep"], namespaced: true, typeof(Endpoints), AllVerbs, [], []);

    public static ResourceKind Nodes { get; } = Core("Node", "nodes", ["no"], namespaced: false, typeof(Node), AllVerbs, [], ["status", "proxy"]);

    public static ResourceKind ConfigMaps { get; } = Core("ConfigMap", "configmaps", ["cm"], namespaced: true, typeof(ConfigMap), AllVerbs, [], []);

    public static ResourceKind Secrets { get; } = Core("Secret", "secrets", [], namespaced: true, typeof(Secret), AllVerbs, [], []);

    public static ResourceKind Events { get; } = Core("Event", "events", ["ev"], namespaced: true, typeof(Event), AllVerbs, [], []);

    public static ResourceKind Deployments { get; } = new("apps", "v1", "Deployment", "deployments", "deployment", ["deploy"], true, AllVerbs, typeof(Deployment), AllCategory, ["status", "scale"]);

    public static ResourceKind ReplicaSets { get; } = new("apps", "v1", "ReplicaSet", "replicasets", "replicaset", ["rs"], true, AllVerbs, typeof(ReplicaSet), AllCategory, ["status", "scale"]);

    public static ResourceKind Leases { get; } = new("coordination.k8s.io", "v1", "Lease", "leases", "lease", [], true, AllVerbs, typeof(Lease), [], []);

    public static ResourceKind NodeMetrics { get; } = new("metrics.k8s.io", "v1beta1", "NodeMetrics", "nodes", "", [], false, ["get", "list"], typeof(NodeMetrics), [], []);

    public static ResourceKind PodMetrics { get; } = new("metrics.k8s.io", "v1beta1", "PodMetrics", "pods", "", [], true, ["get", "list"], typeof(PodMetrics), [], []);

    public static ResourceKind SelfSubjectAccessReviews { get; } = Review("authorization.k8s.io", "v1", SelfSubjectAccessReview.KindValue, typeof(SelfSubjectAccessReview));

    public static ResourceKind SelfSubjectRulesReviews { get; } = Review("authorization.k8s.io", "v1", SelfSubjectRulesReview.KindValue, typeof(SelfSubjectRulesReview));

    public static ResourceKind SelfSubjectReviews { get; } = Review("authentication.k8s.io", "v1", SelfSubjectReview.KindValue, typeof(SelfSubjectReview));

    /// <summary>kubectl 1.27 asks <c>auth whoami</c> of the beta version.</summary>
    public static ResourceKind SelfSubjectReviewsBeta { get; } = Review("authentication.k8s.io", "v1beta1", SelfSubjectReview.KindValue, typeof(SelfSubjectReview));

    /// <summary>Every stored kind, core first, in discovery order.</summary>
    public static IReadOnlyList<ResourceKind> All { get; } =
        [ConfigMaps, Endpoints, Events, Namespaces, Nodes, Pods, Secrets, Services, Deployments, ReplicaSets, Leases];

    /// <summary>Kinds read from the nodes as they are asked for (the metrics API), never stored nor written.</summary>
    public static IReadOnlyList<ResourceKind> Measured { get; } = [NodeMetrics, PodMetrics];

    /// <summary>Questions a caller asks about itself (create only), answered from its credentials, never stored.</summary>
    public static IReadOnlyList<ResourceKind> Reviews { get; } = [SelfSubjectAccessReviews, SelfSubjectRulesReviews, SelfSubjectReviews, SelfSubjectReviewsBeta];

    /// <summary>Every kind in discovery: the stored ones, then the measured ones and the reviews.</summary>
    public static IReadOnlyList<ResourceKind> Served { get; } = [.. All, .. Measured, .. Reviews];

    /// <summary>The served group/versions: <c>v1</c>, <c>apps/v1</c>, ...</summary>
    public static IReadOnlyList<string> ApiVersions { get; } = All.Select(k => k.ApiVersion).Distinct().ToArray();

    private static ResourceKind Review(string group, string version, string kind, Type type) =>
        new(group, version, kind, kind.ToLowerInvariant() + "s", "", [], false, ["create"], type, [], []);

    /// <summary>By apiVersion and kind, as in a manifest.</summary>
    public static ResourceKind? FindByKind(string apiVersion, string kind) =>
        All.FirstOrDefault(k => k.ApiVersion == apiVersion && k.Kind == kind);

    /// <summary>By URL coordinates: group (<c>""</c> for core), version and plural resource.</summary>
    public static ResourceKind? FindByResource(string group, string version, string plural) =>
        Served.FirstOrDefault(k => k.Group == group && k.Version == version && k.Plural == plural);

    /// <summary>By what a user types: plural, singular, short name or kind, case-insensitive, optionally <c>name.group</c>.</summary>
    public static ResourceKind? FindByName(string name)
    {
        var lower = name.ToLowerInvariant();
        var dot = lower.IndexOf('.', StringComparison.Ordinal);
        var group = dot < 0 ? null : lower[(dot + 1)..];
        var resource = dot < 0 ? lower : lower[..dot];
        return All.FirstOrDefault(k =>
            (group is null || k.Group == group)
            && (k.Plural == resource || k.Singular == resource || k.Kind.Equals(resource, StringComparison.OrdinalIgnoreCase) || k.ShortNames.Contains(resource)));
    }

    /// <summary>By model type.</summary>
    public static ResourceKind? FindByType(Type type) => All.FirstOrDefault(k => k.ClrType == type);

    private static ResourceKind Core(string kind, string plural, string[] shortNames, bool namespaced, Type type, string[] verbs, string[] categories, string[] subresources) =>
        new("", "v1", kind, plural, kind.ToLowerInvariant(), shortNames, namespaced, verbs, type, categories, subresources);
}
