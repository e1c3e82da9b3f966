using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Resources;

namespace Actors.Grains.Abstractions.Tests.Resources;

[Trait("Category", "Unit")]
public sealed class RoundTripTests
{
    public static TheoryData<string, Type> Manifests => new()
    {
        // kubectl-probe/manifests/nginx-deploy.yaml
        { """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"nginx","labels":{"app":"nginx"}},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.19","ports":[{"containerPort":80}],"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}]}}}}""", typeof(Deployment) },
        // kubectl-probe/manifests/svc-cm.yaml
        { """{"apiVersion":"v1","kind":"Service","metadata":{"name":"nginx-svc"},"spec":{"selector":{"app":"nginx"},"ports":[{"port":80,"targetPort":80}]}}""", typeof(Service) },
        { """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"app-config"},"data":{"key1":"value1","key2":"value2"}}""", typeof(ConfigMap) },
        // kubectl-probe/manifests/nginx-typo.yaml: unknown fields survive
        { """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"typo"},"spec":{"replica":2,"selector":{"matchLabels":{"app":"typo"}},"template":{"metadata":{"labels":{"app":"typo"}},"spec":{"containers":[{"name":"c","image":"nginx:1.19","imagePulPolicy":"Always"}]}}}}""", typeof(Deployment) },
        { """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"default","uid":"0b8c","resourceVersion":"42","creationTimestamp":"2024-05-01T10:00:00Z","ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"rs","uid":"u1","controller":true,"blockOwnerDeletion":true}],"managedFields":[{"manager":"kubectl","operation":"Update","fieldsV1":{"f:spec":{}}}]},"spec":{"volumes":[{"name":"cfg","configMap":{"name":"app-config","defaultMode":420}},{"name":"data","emptyDir":{"sizeLimit":"1Gi"}},{"name":"proj","projected":{"sources":[]}}],"containers":[{"name":"c","image":"busybox","command":["sh","-c"],"args":["sleep 1"],"env":[{"name":"POD","valueFrom":{"fieldRef":{"apiVersion":"v1","fieldPath":"metadata.name"}}},{"name":"K","valueFrom":{"secretKeyRef":{"name":"s","key":"k"}}}],"resources":{"limits":{"cpu":"1","memory":"128Mi"},"requests":{"cpu":"100m"}},"volumeMounts":[{"name":"cfg","mountPath":"/etc/cfg"}],"livenessProbe":{"httpGet":{"path":"/","port":"http","scheme":"HTTP"},"periodSeconds":10},"lifecycle":{"preStop":{"exec":{"command":["x"]}}}}],"nodeSelector":{"kubernetes.io/os":"linux"},"tolerations":[{"key":"k","operator":"Exists","effect":"NoSchedule"}],"affinity":{"podAntiAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":[{"labelSelector":{"matchExpressions":[{"key":"app","operator":"In","values":["x"]}]},"topologyKey":"kubernetes.io/hostname"}]}}},"status":{"phase":"Running","podIP":"10.244.0.17","podIPs":[{"ip":"10.244.0.17"}],"startTime":"2024-05-01T10:00:01Z","containerStatuses":[{"name":"c","state":{"running":{"startedAt":"2024-05-01T10:00:02Z"}},"lastState":{},"ready":true,"restartCount":0,"image":"busybox","imageID":"docker-pullable://busybox@sha256:1","containerID":"containerd://abc","started":true}],"qosClass":"Burstable"}}""", typeof(Pod) },
        { """{"apiVersion":"v1","kind":"Node","metadata":{"name":"node-1"},"spec":{"podCIDR":"10.244.0.0/24","taints":[{"key":"k","value":"v","effect":"NoSchedule"}]},"status":{"capacity":{"cpu":"4","memory":"8Gi","pods":"110"},"conditions":[{"type":"Ready","status":"True","lastHeartbeatTime":"2024-05-01T10:00:00Z","lastTransitionTime":"2024-05-01T10:00:00Z","reason":"KubeletReady","message":"ok"}],"addresses":[{"type":"InternalIP","address":"10.0.0.11"}],"daemonEndpoints":{"kubeletEndpoint":{"Port":10250}},"nodeInfo":{"machineID":"m","kubeletVersion":"v1.27.0","architecture":"amd64"}}}""", typeof(Node) },
        { """{"apiVersion":"v1","kind":"Event","metadata":{"name":"p.17a","namespace":"default"},"involvedObject":{"kind":"Pod","namespace":"default","name":"p","uid":"u","apiVersion":"v1","fieldPath":"spec.containers{c}"},"reason":"Started","message":"Started container c","source":{"component":"kubelet","host":"node-1"},"firstTimestamp":"2024-05-01T10:00:00Z","lastTimestamp":"2024-05-01T10:00:00Z","count":1,"type":"Normal","eventTime":"2024-05-01T10:00:00.123456Z","reportingComponent":"","reportingInstance":""}""", typeof(Event) },
        { """{"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"node-1","namespace":"kube-node-lease"},"spec":{"holderIdentity":"node-1","leaseDurationSeconds":40,"renewTime":"2024-05-01T10:00:00.000000Z"}}""", typeof(Lease) },
        { """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"data":{"k":"dmFsdWU="},"type":"Opaque"}""", typeof(Secret) },
        { """{"apiVersion":"v1","kind":"Endpoints","metadata":{"name":"kubernetes"},"subsets":[{"addresses":[{"ip":"10.0.0.1","targetRef":{"kind":"Pod","name":"p"}}],"ports":[{"name":"https","port":6443,"protocol":"TCP"}]}]}""", typeof(Endpoints) },
        { """{"apiVersion":"autoscaling/v1","kind":"Scale","metadata":{"name":"nginx"},"spec":{"replicas":3},"status":{"replicas":2,"selector":"app=nginx"}}""", typeof(Scale) },
        { """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"deployments.apps \"nope\" not found","reason":"NotFound","details":{"name":"nope","group":"apps","kind":"deployments","causes":[{"reason":"FieldValueInvalid","message":"m","field":"spec"}]},"code":404}""", typeof(Status) },
        { """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"default","labels":{"kubernetes.io/metadata.name":"default"}},"spec":{"finalizers":["kubernetes"]},"status":{"phase":"Active"}}""", typeof(Namespace) },
        { """{"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"nginx-5d8f"},"spec":{"replicas":0,"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"name":"nginx","image":"nginx"}]}}},"status":{"replicas":0}}""", typeof(ReplicaSet) },
    };

    [Theory]
    [MemberData(nameof(Manifests))]
    public void RoundTrip_PreservesEveryField(string json, Type type)
    {
        var obj = KubernetesJson.Deserialize(json, type);
        var written = JsonNode.Parse(SerializeRuntime(obj, type));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), written), $"expected {json}\nactual   {written!.ToJsonString()}");
    }

    [Fact]
    public void Deserialize_KeepsUnknownFieldsInExtensionData()
    {
        var deployment = KubernetesJson.Deserialize<Deployment>("""{"apiVersion":"apps/v1","kind":"Deployment","spec":{"replica":2,"template":{"spec":{"containers":[{"name":"c","imagePulPolicy":"Always"}]}}}}""");

        Assert.True(deployment.Spec!.ExtensionData!.ContainsKey("replica"));
        Assert.True(deployment.Spec.Template!.Spec!.Containers![0].ExtensionData!.ContainsKey("imagePulPolicy"));
        Assert.Null(deployment.Spec.Replicas);
    }

    [Fact]
    public void Serialize_OmitsNullsButKeepsZeroReplicas() =>
        Assert.Equal("""{"apiVersion":"apps/v1","kind":"ReplicaSet","spec":{"replicas":0}}""", KubernetesJson.Serialize(new ReplicaSet { Spec = new ReplicaSetSpec { Replicas = 0 } }));

    [Fact]
    public void Serialize_WritesTimestampsWithSecondPrecisionInUtc()
    {
        var meta = new ObjectMeta { CreationTimestamp = new DateTimeOffset(2024, 5, 1, 12, 0, 0, 500, TimeSpan.FromHours(2)) };

        Assert.Equal("""{"creationTimestamp":"2024-05-01T10:00:00Z"}""", KubernetesJson.Serialize(meta));
    }

    [Theory]
    [InlineData("""{"metadata":{"labels":{"app":true}}}""")]
    [InlineData("""{"spec":{"replicas":"two"}}""")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":{"name":"x"}}}}}""")]
    public void Deserialize_TypeErrors_AreJsonExceptions(string json) =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => KubernetesJson.Deserialize<Deployment>(json));

    [Fact]
    public void Clone_IsDeep()
    {
        var pod = new Pod { Metadata = new ObjectMeta { Name = "a", Labels = new() { ["x"] = "1" } } };

        var copy = KubernetesJson.Clone(pod);
        copy.Meta.Labels!["x"] = "2";

        Assert.Equal("1", pod.Meta.Labels!["x"]);
    }

    private static string SerializeRuntime(object obj, Type type) =>
        System.Text.Json.JsonSerializer.Serialize(obj, KubernetesJson.Options.GetTypeInfo(type));
}
