using Actors.Grains.Abstractions.Defaulting;
using Actors.Grains.Abstractions.Resources;
using Actors.Grains.Abstractions.Validation;

namespace Actors.Grains.Abstractions.Tests.Validation;

[Trait("Category", "Unit")]
public sealed class ResourceValidatorTests
{
    private const string GoodDeployment = """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"nginx","namespace":"default"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.19","ports":[{"containerPort":80}]}]}}}}""";

    public static TheoryData<string, string, string, string> DeploymentCases => new()
    {
        // JSON merge-patched onto GoodDeployment, then expected field, reason and a fragment of the message.
        { """{"metadata":{"name":null}}""", "metadata.name", "FieldValueRequired", "Required value: name or generateName is required" },
        { """{"metadata":{"name":"Bad_Name"}}""", "metadata.name", "FieldValueInvalid", "Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain" },
        { """{"metadata":{"name":null,"generateName":"Bad-"}}""", "metadata.generateName", "FieldValueInvalid", "a lowercase RFC 1123 subdomain" },
        { """{"metadata":{"namespace":null}}""", "metadata.namespace", "FieldValueRequired", "Required value" },
        { """{"metadata":{"labels":{"bad key":"v"}}}""", "metadata.labels", "FieldValueInvalid", "name part must consist of alphanumeric characters" },
        { """{"metadata":{"labels":{"k":"bad value!"}}}""", "metadata.labels", "FieldValueInvalid", "a valid label must be an empty string" },
        { """{"spec":{"replicas":-1}}""", "spec.replicas", "FieldValueInvalid", "Invalid value: -1: must be greater than or equal to 0" },
        { """{"spec":{"selector":null}}""", "spec.selector", "FieldValueRequired", "Required value" },
        { """{"spec":{"selector":{"matchLabels":{"app":"other"}}}}""", "spec.template.metadata.labels", "FieldValueInvalid", "Invalid value: map[string]string{\"app\":\"nginx\"}: `selector` does not match template `labels`" },
        { """{"spec":{"selector":{"matchLabels":null}}}""", "spec.selector", "FieldValueInvalid", "empty selector is invalid for deployment" },
        { """{"spec":{"template":{"spec":{"containers":[]}}}}""", "spec.template.spec.containers", "FieldValueRequired", "Required value" },
        { """{"spec":{"template":{"spec":{"containers":[{"name":"Nginx","image":"x"}]}}}}""", "spec.template.spec.containers[0].name", "FieldValueInvalid", "a lowercase RFC 1123 label must consist of" },
        { """{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}""", "spec.template.spec.containers[0].name", "FieldValueRequired", "Required value" },
        { """{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"x"},{"name":"a","image":"y"}]}}}}""", "spec.template.spec.containers[1].name", "FieldValueDuplicate", "Duplicate value: \"a\"" },
        { """{"spec":{"template":{"spec":{"containers":[{"name":"a"}]}}}}""", "spec.template.spec.containers[0].image", "FieldValueRequired", "Required value" },
        { """{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"x","ports":[{"containerPort":70000}]}]}}}}""", "spec.template.spec.containers[0].ports[0].containerPort", "FieldValueInvalid", "Invalid value: 70000: must be between 1 and 65535, inclusive" },
        { """{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"x","ports":[{"containerPort":80,"protocol":"HTTP"}]}]}}}}""", "spec.template.spec.containers[0].ports[0].protocol", "FieldValueNotSupported", "Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"" },
        { """{"spec":{"template":{"spec":{"restartPolicy":"Never"}}}}""", "spec.template.spec.restartPolicy", "FieldValueNotSupported", "Unsupported value: \"Never\": supported values: \"Always\"" },
        { """{"spec":{"template":{"spec":{"restartPolicy":"Sometimes"}}}}""", "spec.template.spec.restartPolicy", "FieldValueNotSupported", "supported values: \"Always\", \"Never\", \"OnFailure\"" },
        { """{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":0,"maxUnavailable":0}}}}""", "spec.strategy.rollingUpdate.maxUnavailable", "FieldValueInvalid", "Invalid value: 0: may not be 0 when `maxSurge` is 0" },
        { """{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"abc"}}}}""", "spec.strategy.rollingUpdate.maxSurge", "FieldValueInvalid", "a valid percent string must be a numeric string followed by an ending '%'" },
        { """{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":"150%"}}}}""", "spec.strategy.rollingUpdate.maxUnavailable", "FieldValueInvalid", "must not be greater than 100%" },
        { """{"spec":{"strategy":{"type":"Recreate","rollingUpdate":{"maxSurge":1}}}}""", "spec.strategy.rollingUpdate", "FieldValueForbidden", "may not be specified when strategy `type` is 'Recreate'" },
        { """{"spec":{"strategy":{"type":"BlueGreen"}}}""", "spec.strategy.type", "FieldValueNotSupported", "supported values: \"Recreate\", \"RollingUpdate\"" },
        { """{"spec":{"progressDeadlineSeconds":5,"minReadySeconds":10}}""", "spec.progressDeadlineSeconds", "FieldValueInvalid", "must be greater than minReadySeconds" },
        { """{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"x","env":[{"name":"1BAD","value":"v"}]}]}}}}""", "spec.template.spec.containers[0].env[0].name", "FieldValueInvalid", "a valid environment variable name" },
        { """{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"x","volumeMounts":[{"name":"data","mountPath":"/d"}]}]}}}}""", "spec.template.spec.containers[0].volumeMounts[0].name", "FieldValueNotFound", "Not found: \"data\"" },
        { """{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"x","resources":{"limits":{"cpu":"1"},"requests":{"cpu":"2"}}}]}}}}""", "spec.template.spec.containers[0].resources.requests", "FieldValueInvalid", "Invalid value: \"2\": must be less than or equal to cpu limit of 1" },
        { """{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"x","livenessProbe":{"periodSeconds":10}}]}}}}""", "spec.template.spec.containers[0].livenessProbe", "FieldValueRequired", "must specify a handler type" },
        { """{"spec":{"template":{"spec":{"volumes":[{"name":"v"}]}}}}""", "spec.template.spec.volumes[0]", "FieldValueRequired", "must specify a volume type" },
        { """{"spec":{"template":{"spec":{"tolerations":[{"key":"k","operator":"Maybe"}]}}}}""", "spec.template.spec.tolerations[0].operator", "FieldValueNotSupported", "supported values: \"Equal\", \"Exists\"" },
    };

    [Theory]
    [MemberData(nameof(DeploymentCases))]
    public void ValidateCreate_Deployment_ReportsKubernetesCauses(string patch, string field, string reason, string message)
    {
        var deployment = Patched(patch);

        var result = ResourceValidator.ValidateCreate(deployment);

        Assert.False(result.IsValid);
        Assert.Contains(result.Causes, c => c.Field == field && c.Reason == reason && c.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateCreate_AcceptsAGoodDefaultedDeployment()
    {
        var result = ResourceValidator.ValidateCreate(Defaulter.Apply(KubernetesJson.Deserialize<Deployment>(GoodDeployment)));

        Assert.Empty(result.Causes);
    }

    [Fact]
    public void ValidateUpdate_DeploymentSelectorIsImmutable()
    {
        var old = KubernetesJson.Deserialize<Deployment>(GoodDeployment);
        var changed = Patched("""{"spec":{"selector":{"matchLabels":{"tier":"web"}},"template":{"metadata":{"labels":{"app":"nginx","tier":"web"}}}}}""");

        var result = ResourceValidator.ValidateUpdate(changed, old);

        var cause = Assert.Single(result.Causes);
        Assert.Equal(("spec.selector", ValidationReasons.Invalid), (cause.Field, cause.Reason));
        Assert.EndsWith("field is immutable", cause.Message);
        Assert.Empty(ResourceValidator.ValidateUpdate(Patched("""{"spec":{"replicas":5}}"""), old).Causes);
    }

    [Fact]
    public void ValidateUpdate_PodsMayOnlyChangeImages()
    {
        var old = new Pod { Metadata = new ObjectMeta { Name = "p", Namespace = "default" }, Spec = new PodSpec { Containers = [new Container { Name = "c", Image = "a:1" }] } };
        var newImage = KubernetesJson.Clone(old);
        newImage.Spec!.Containers![0].Image = "a:2";
        var newCommand = KubernetesJson.Clone(old);
        newCommand.Spec!.Containers![0].Command = ["x"];

        Assert.True(ResourceValidator.ValidateUpdate(newImage, old).IsValid);
        var cause = Assert.Single(ResourceValidator.ValidateUpdate(newCommand, old).Causes);
        Assert.Equal(("spec", ValidationReasons.Forbidden), (cause.Field, cause.Reason));
    }

    public static TheoryData<string, string, string, string> ServiceCases => new()
    {
        { """{"metadata":{"name":"1svc"}}""", "metadata.name", "FieldValueInvalid", "a DNS-1035 label" },
        { """{"spec":{"ports":[]}}""", "spec.ports", "FieldValueRequired", "Required value" },
        { """{"spec":{"ports":[{"port":0}]}}""", "spec.ports[0].port", "FieldValueInvalid", "must be between 1 and 65535, inclusive" },
        { """{"spec":{"ports":[{"port":80,"nodePort":30080}]}}""", "spec.ports[0].nodePort", "FieldValueForbidden", "may not be used when `type` is 'ClusterIP'" },
        { """{"spec":{"type":"NodePort","ports":[{"port":80,"nodePort":80}]}}""", "spec.ports[0].nodePort", "FieldValueInvalid", "The range of valid ports is 30000-32767" },
        { """{"spec":{"ports":[{"port":80,"name":"a"},{"port":81}]}}""", "spec.ports[1].name", "FieldValueRequired", "Required value" },
        { """{"spec":{"ports":[{"port":80,"name":"a"},{"port":81,"name":"a"}]}}""", "spec.ports[1].name", "FieldValueDuplicate", "Duplicate value: \"a\"" },
        { """{"spec":{"type":"Fancy"}}""", "spec.type", "FieldValueNotSupported", "supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"" },
        { """{"spec":{"sessionAffinity":"Sticky"}}""", "spec.sessionAffinity", "FieldValueNotSupported", "supported values: \"ClientIP\", \"None\"" },
        { """{"spec":{"ports":[{"port":80,"targetPort":"Not_A_Name"}]}}""", "spec.ports[0].targetPort", "FieldValueInvalid", "must contain only alpha-numeric characters" },
        { """{"spec":{"type":"NodePort","clusterIP":"None"}}""", "spec.clusterIPs[0]", "FieldValueInvalid", "Invalid value: \"None\": may not be set to 'None' for NodePort services" },
        { """{"spec":{"type":"ExternalName","externalName":"example.com","clusterIP":"10.96.0.5"}}""", "spec.clusterIPs", "FieldValueForbidden", "may not be set for ExternalName services" },
        { """{"spec":{"type":"ExternalName","externalName":"-bad-"}}""", "spec.externalName", "FieldValueInvalid", "a lowercase RFC 1123 subdomain" },
    };

    [Theory]
    [InlineData("""{"clusterIP":"10.96.0.5","ports":[{"port":80}]}""", """{"ports":[{"port":80}]}""", true)]
    [InlineData("""{"clusterIP":"10.96.0.5","ports":[{"port":80}]}""", """{"clusterIP":"10.96.0.6","ports":[{"port":80}]}""", false)]
    [InlineData("""{"type":"NodePort","clusterIP":"10.96.0.5","ports":[{"port":80,"nodePort":30080}]}""", """{"type":"ClusterIP","clusterIP":"10.96.0.5","ports":[{"port":80,"nodePort":30080}]}""", true)]
    [InlineData("""{"type":"NodePort","clusterIP":"10.96.0.5","ports":[{"port":80,"nodePort":30080}]}""", """{"type":"ClusterIP","clusterIP":"10.96.0.5","ports":[{"port":80,"nodePort":30081}]}""", false)]
    [InlineData("""{"clusterIP":"10.96.0.5","ports":[{"port":80}]}""", """{"type":"ExternalName","externalName":"example.com","clusterIP":"10.96.0.5"}""", true)]
    public void ValidateUpdate_Service_CarriesAllocatedValuesOverFirst(string oldSpec, string newSpec, bool valid)
    {
        static Service Svc(string spec) => KubernetesJson.Deserialize<Service>($$"""{"apiVersion":"v1","kind":"Service","metadata":{"name":"svc","namespace":"default"},"spec":{{spec}}}""");

        var result = ResourceValidator.ValidateUpdate(Svc(newSpec), Svc(oldSpec));

        Assert.True(valid == result.IsValid, string.Join(", ", result.Causes));
    }

    [Theory]
    [MemberData(nameof(ServiceCases))]
    public void ValidateCreate_Service_ReportsKubernetesCauses(string patch, string field, string reason, string message)
    {
        var baseJson = System.Text.Json.Nodes.JsonNode.Parse("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"svc","namespace":"default"},"spec":{"selector":{"app":"nginx"},"ports":[{"port":80}]}}""")!;
        var service = KubernetesJson.Deserialize<Service>(MergePatch(baseJson, System.Text.Json.Nodes.JsonNode.Parse(patch)!)!);

        var result = ResourceValidator.ValidateCreate(service);

        Assert.Contains(result.Causes, c => c.Field == field && c.Reason == reason && c.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("my-ns", true)]
    [InlineData("my.ns", false)]
    [InlineData("My-NS", false)]
    public void ValidateCreate_NamespaceNamesAreDnsLabels(string name, bool valid) =>
        Assert.Equal(valid, ResourceValidator.ValidateCreate(new Namespace { Metadata = new ObjectMeta { Name = name } }).IsValid);

    [Fact]
    public void ValidateCreate_ClusterScopedObjectsMayNotHaveANamespace()
    {
        var cause = Assert.Single(ResourceValidator.ValidateCreate(new Node { Metadata = new ObjectMeta { Name = "n", Namespace = "default" } }).Causes);

        Assert.Equal(("metadata.namespace", ValidationReasons.Forbidden), (cause.Field, cause.Reason));
    }

    [Fact]
    public void ValidateCreate_AnnotationsOver256KiBAreTooLong()
    {
        var pod = new Pod { Metadata = new ObjectMeta { Name = "p", Namespace = "d", Annotations = new() { ["a"] = new string('x', 256 * 1024) } }, Spec = new PodSpec { Containers = [new Container { Name = "c", Image = "i" }] } };

        var cause = Assert.Single(ResourceValidator.ValidateCreate(pod).Causes);

        Assert.Equal(("metadata.annotations", ValidationReasons.TooLong, "Too long: must have at most 262144 bytes"), (cause.Field, cause.Reason, cause.Message));
    }

    [Theory]
    [InlineData("""{"data":{"bad key":"v"}}""", "data[bad key]")]
    [InlineData("""{"data":{"..x":"v"}}""", "data[..x]")]
    public void ValidateCreate_ConfigMapKeys(string body, string field)
    {
        var cm = KubernetesJson.Deserialize<ConfigMap>(body);
        cm.Metadata = new ObjectMeta { Name = "c", Namespace = "d" };

        Assert.Contains(ResourceValidator.ValidateCreate(cm).Causes, c => c.Field == field);
    }

    [Fact]
    public void FormatMessage_MatchesTheStatusMessage()
    {
        var one = ResourceValidator.ValidateCreate(Patched("""{"spec":{"replicas":-1}}"""));
        var two = ResourceValidator.ValidateCreate(Patched("""{"spec":{"replicas":-1,"minReadySeconds":-1}}"""));

        Assert.Equal("Deployment.apps \"nginx\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0", one.FormatMessage("Deployment.apps", "nginx"));
        Assert.StartsWith("Deployment.apps \"nginx\" is invalid: [spec.replicas: Invalid value: -1", two.FormatMessage("Deployment.apps", "nginx"));
    }

    private static Deployment Patched(string patch) =>
        KubernetesJson.Deserialize<Deployment>(MergePatch(System.Text.Json.Nodes.JsonNode.Parse(GoodDeployment)!, System.Text.Json.Nodes.JsonNode.Parse(patch)!)!);

    // A small RFC 7386 merge so that each case states only what differs from the good object.
    private static System.Text.Json.Nodes.JsonNode? MergePatch(System.Text.Json.Nodes.JsonNode? target, System.Text.Json.Nodes.JsonNode? patch)
    {
        if (patch is not System.Text.Json.Nodes.JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is System.Text.Json.Nodes.JsonObject targetObject ? (System.Text.Json.Nodes.JsonObject)targetObject.DeepClone() : [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = MergePatch(result[key], value);
            }
        }

        return result;
    }
}
