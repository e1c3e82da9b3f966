using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Resources;

namespace Actors.Gateway.Dashboard.Objects;

/// <summary>
/// Turns stored objects into the rows of the dashboard's objects view. Pure: the objects and the time in, a row
/// out; fields a client left out or mistyped read as zero or empty rather than failing the page.
/// </summary>
public static class ObjectRows
{
    /// <summary>Kinds that have a grain of their own; the grain type is the kind lower-cased (PodGrain: "pod").</summary>
    private static readonly HashSet<string> KindsWithGrains = new(StringComparer.Ordinal)
    {
        "Pod", "Deployment", "ReplicaSet", "Node", "Namespace", "Service", "ConfigMap", "Secret", "Endpoints", "Event",
    };

    private const string HollowLabel = "actors.io/hollow";

    /// <summary>Pods a node takes when its status does not say, as the kubelet's default.</summary>
    private const long DefaultMaxPods = 110;

    /// <summary>The id of the grain that owns an object: <c>type/namespace/name</c>, or <c>type/name</c> when cluster-scoped.</summary>
    public static string? GrainOf(string kind, string? ns, string name) =>
        KindsWithGrains.Contains(kind) ? $"{kind.ToLowerInvariant()}/{(string.IsNullOrEmpty(ns) ? name : $"{ns}/{name}")}" : null;

    public static DeploymentRow Deployment(JsonObject deployment, DateTimeOffset now)
    {
        var (ns, name) = NameOf(deployment);
        var status = deployment["status"];
        var desired = Int(deployment["spec"]?["replicas"], 1);
        var updated = Int(status?["updatedReplicas"]);
        var available = Int(status?["availableReplicas"]);
        var observed = Long(status?["observedGeneration"]);
        var generation = Long(deployment["metadata"]?["generation"]);
        // kubectl rollout status' test: the latest spec seen, all replicas updated, no old ones left, all available.
        var rolledOut = observed >= generation && updated >= desired && Int(status?["replicas"]) <= updated && available >= updated;
        var stalled = !rolledOut && status?["conditions"] is JsonArray conditions
            && conditions.OfType<JsonObject>().Any(c => (string?)c["type"] == "Progressing" && (string?)c["reason"] == "ProgressDeadlineExceeded");
        return new DeploymentRow(ns, name, desired, updated, Int(status?["readyReplicas"]), available, rolledOut, stalled,
            Bool(deployment["spec"]?["paused"]), Age(deployment, now), GrainOf("Deployment", ns, name)!);
    }

    public static PodRow Pod(JsonObject pod, DateTimeOffset now)
    {
        var (ns, name) = NameOf(pod);
        var status = pod["status"];
        var containers = pod["spec"]?["containers"] is JsonArray specs ? specs.Count : 0;
        var statuses = status?["containerStatuses"] is JsonArray array ? array.OfType<JsonObject>().ToArray() : [];
        // Hollow nodes report no container statuses: the pod's Ready condition stands for all its containers.
        var ready = statuses.Length > 0
            ? statuses.Count(s => Bool(s["ready"]))
            : HasTrueCondition(pod, "Ready") ? containers : 0;
        var phase = pod["metadata"]?["deletionTimestamp"] is not null ? "Terminating" : Str(status?["phase"]) ?? "Pending";
        var owner = Controller(pod);
        return new PodRow(ns, name, Str(pod["spec"]?["nodeName"]), phase, ready, containers,
            statuses.Sum(s => Int(s["restartCount"])), Age(pod, now), GrainOf("Pod", ns, name)!,
            owner is { } o ? GrainOf(o.Kind, ns, o.Name) : null);
    }

    /// <summary>A node with the pods bound to it; pods that have finished no longer hold their requests.</summary>
    public static NodeRow Node(JsonObject node, IReadOnlyList<JsonObject> boundPods, DateTimeOffset now)
    {
        var (_, name) = NameOf(node);
        var allocatable = node["status"]?["allocatable"];
        var holding = boundPods.Where(p => Str(p["status"]?["phase"]) is not ("Succeeded" or "Failed")).ToArray();
        var requests = holding.Select(PodRequests).ToArray();
        return new NodeRow(
            name,
            IsReady(node),
            Bool(node["spec"]?["unschedulable"]),
            Str(node["metadata"]?["labels"]?[HollowLabel]) == "true",
            holding.Length,
            Quantity.TryParse(Str(allocatable?["pods"]), out var pods) ? pods.IntegerValue : DefaultMaxPods,
            requests.Sum(r => r.MilliCpu),
            Quantity.TryParse(Str(allocatable?["cpu"]), out var cpu) ? cpu.MilliValue : 0,
            requests.Sum(r => r.MemoryBytes),
            Quantity.TryParse(Str(allocatable?["memory"]), out var memory) ? memory.IntegerValue : 0,
            Age(node, now),
            GrainOf("Node", null, name)!);
    }

    /// <summary>The sum of the containers' requests; a container's limits stand in for requests it left out, as Kubernetes defaults them.</summary>
    public static (long MilliCpu, long MemoryBytes) PodRequests(JsonObject pod)
    {
        long cpu = 0, memory = 0;
        foreach (var container in pod["spec"]?["containers"] as JsonArray ?? [])
        {
            var resources = container?["resources"];
            var requests = resources?["requests"];
            var limits = resources?["limits"];
            if (Quantity.TryParse(Str(requests?["cpu"]) ?? Str(limits?["cpu"]), out var c))
            {
                cpu += c.MilliValue;
            }
            if (Quantity.TryParse(Str(requests?["memory"]) ?? Str(limits?["memory"]), out var m))
            {
                memory += m.IntegerValue;
            }
        }
        return (cpu, memory);
    }

    /// <summary>A node or pod whose Ready condition is True; Unknown or missing counts as not ready.</summary>
    public static bool IsReady(JsonObject obj) => HasTrueCondition(obj, "Ready");

    private static (string Namespace, string Name) NameOf(JsonObject obj) =>
        (Str(obj["metadata"]?["namespace"]) ?? "", Str(obj["metadata"]?["name"]) ?? "");

    private static (string Kind, string Name)? Controller(JsonObject obj) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(o => Bool(o["controller"]) && Str(o["kind"]) is not null && Str(o["name"]) is not null)
            .Select(o => ((string Kind, string Name)?)(Str(o["kind"])!, Str(o["name"])!))
            .FirstOrDefault();

    private static bool HasTrueCondition(JsonObject obj, string type) =>
        (obj["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>()
            .Any(c => Str(c["type"]) == type && Str(c["status"]) == "True");

    private static double Age(JsonObject obj, DateTimeOffset now) =>
        DateTimeOffset.TryParse(Str(obj["metadata"]?["creationTimestamp"]), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
            ? Math.Max(0, (now - created).TotalSeconds)
            : 0;

    private static string? Str(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static int Int(JsonNode? node, int fallback = 0) => node is JsonValue value && value.TryGetValue<int>(out var number) ? number : fallback;

    private static long Long(JsonNode? node) => node is JsonValue value && value.TryGetValue<long>(out var number) ? number : 0;

    private static bool Bool(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
}
