using System.Text.Json.Nodes;
using Actors.Gateway.Errors;

namespace Actors.Gateway.Tests.Errors;

[Trait("Category", "Unit")]
public sealed class KubeStatusTests
{
    private static readonly GroupResource Deployments = new("apps", "deployments");
    private static readonly GroupResource Pods = new(string.Empty, "pods");

    public static TheoryData<string, JsonObject, string> Cases => new()
    {
        {
            "NotFound",
            KubeStatus.NotFound(Deployments, "web"),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"deployments.apps \"web\" not found","reason":"NotFound","details":{"name":"web","group":"apps","kind":"deployments"},"code":404}"""
        },
        {
            "NotFound core",
            KubeStatus.NotFound(new GroupResource(string.Empty, "namespaces"), "x"),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"namespaces \"x\" not found","reason":"NotFound","details":{"name":"x","kind":"namespaces"},"code":404}"""
        },
        {
            "AlreadyExists",
            KubeStatus.AlreadyExists(Deployments, "nginx"),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"deployments.apps \"nginx\" already exists","reason":"AlreadyExists","details":{"name":"nginx","group":"apps","kind":"deployments"},"code":409}"""
        },
        {
            "Conflict",
            KubeStatus.Conflict(Deployments, "web"),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Operation cannot be fulfilled on deployments.apps \"web\": the object has been modified; please apply your changes to the latest version and try again","reason":"Conflict","details":{"name":"web","group":"apps","kind":"deployments"},"code":409}"""
        },
        {
            "Invalid, one cause",
            KubeStatus.Invalid(new GroupKind("apps", "Deployment"), "bad", [FieldError.Invalid("spec.replicas", JsonValue.Create(-1), "must be greater than or equal to 0")]),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Deployment.apps \"bad\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0","reason":"Invalid","details":{"name":"bad","group":"apps","kind":"Deployment","causes":[{"reason":"FieldValueInvalid","message":"Invalid value: -1: must be greater than or equal to 0","field":"spec.replicas"}]},"code":422}"""
        },
        {
            "Invalid, two causes",
            KubeStatus.Invalid(new GroupKind(string.Empty, "Pod"), "p", [FieldError.Required("spec.containers"), FieldError.Invalid("metadata.name", JsonValue.Create("A_b"), "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters")]),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Pod \"p\" is invalid: [spec.containers: Required value, metadata.name: Invalid value: \"A_b\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters]","reason":"Invalid","details":{"name":"p","kind":"Pod","causes":[{"reason":"FieldValueRequired","message":"Required value","field":"spec.containers"},{"reason":"FieldValueInvalid","message":"Invalid value: \"A_b\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters","field":"metadata.name"}]},"code":422}"""
        },
        {
            "BadRequest",
            KubeStatus.BadRequest("the namespace of the provided object does not match the namespace sent on the request"),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the namespace of the provided object does not match the namespace sent on the request","reason":"BadRequest","code":400}"""
        },
        {
            "Unauthorized",
            KubeStatus.Unauthorized(),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}"""
        },
        {
            "Forbidden list",
            KubeStatus.Forbidden("u", "list", Pods, ns: "default"),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods is forbidden: User \"u\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"","reason":"Forbidden","details":{"kind":"pods"},"code":403}"""
        },
        {
            "Forbidden named, subresource, cluster scope",
            KubeStatus.Forbidden("viewer", "patch", Deployments, name: "web", subresource: "scale"),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"deployments.apps \"web\" is forbidden: User \"viewer\" cannot patch resource \"deployments/scale\" in API group \"apps\" at the cluster scope","reason":"Forbidden","details":{"name":"web","group":"apps","kind":"deployments"},"code":403}"""
        },
        {
            "MethodNotAllowed",
            KubeStatus.MethodNotAllowed(),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server does not allow this method on the requested resource","reason":"MethodNotAllowed","code":405}"""
        },
        {
            "UnsupportedMediaType",
            KubeStatus.UnsupportedMediaType(),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf","reason":"UnsupportedMediaType","code":415}"""
        },
        {
            "RequestEntityTooLarge",
            KubeStatus.RequestEntityTooLarge(3145728),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Request entity too large: limit is 3145728","reason":"RequestEntityTooLarge","code":413}"""
        },
        {
            "Gone",
            KubeStatus.Gone(5, 120),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 5 (120)","reason":"Expired","code":410}"""
        },
        {
            "TooManyRequests",
            KubeStatus.TooManyRequests("Cannot evict pod as it would violate the pod's disruption budget.", 10),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Cannot evict pod as it would violate the pod's disruption budget.","reason":"TooManyRequests","details":{"retryAfterSeconds":10},"code":429}"""
        },
        {
            "InternalError",
            KubeStatus.InternalError("boom"),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Internal error occurred: boom","reason":"InternalError","details":{"causes":[{"message":"boom"}]},"code":500}"""
        },
        {
            "Timeout",
            KubeStatus.Timeout("request did not complete within requested timeout", 2),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Timeout: request did not complete within requested timeout","reason":"Timeout","details":{"retryAfterSeconds":2},"code":504}"""
        },
        {
            "ApplyConflict, one",
            KubeStatus.ApplyConflict([("kubectl-edit", "apps/v1", ".spec.replicas")]),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Apply failed with 1 conflict: conflict with \"kubectl-edit\" using apps/v1: .spec.replicas","reason":"Conflict","details":{"causes":[{"reason":"FieldManagerConflict","message":"conflict with \"kubectl-edit\" using apps/v1","field":".spec.replicas"}]},"code":409}"""
        },
        {
            "Success",
            KubeStatus.Success(Deployments, "web", "u-1"),
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","details":{"name":"web","group":"apps","kind":"deployments","uid":"u-1"}}"""
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Builder_ProducesKubernetesJson(string name, JsonObject status, string expected)
    {
        Assert.True(expected == KubeJson.Serialize(status), $"{name}:\n{KubeJson.Serialize(status)}");
    }

    [Fact]
    public void ApplyConflict_SeveralConflicts_OneLineEach()
    {
        var status = KubeStatus.ApplyConflict([("kubectl-set", "apps/v1", ".spec.template.spec.containers[name=\"nginx\"].image"), ("kubectl-edit", "apps/v1", ".spec.replicas")]);

        Assert.Equal(
            "Apply failed with 2 conflicts: conflict with \"kubectl-set\" using apps/v1: .spec.template.spec.containers[name=\"nginx\"].image\nconflict with \"kubectl-edit\" using apps/v1: .spec.replicas",
            status["message"]!.GetValue<string>());
        Assert.Equal(2, status["details"]!["causes"]!.AsArray().Count);
    }

    [Fact]
    public void Mapper_MapsExceptionsToStatus()
    {
        var notFound = KubeStatus.NotFound(Pods, "x");

        Assert.Same(notFound, StatusMapper.FromException(new KubeStatusException(notFound)));
        Assert.Equal(400, KubeStatus.CodeOf(StatusMapper.FromException(new System.Text.Json.JsonException("bad"))));
        Assert.Equal(504, KubeStatus.CodeOf(StatusMapper.FromException(new OperationCanceledException())));
        Assert.Equal(500, KubeStatus.CodeOf(StatusMapper.FromException(new InvalidOperationException("x"))));
        var tooLarge = StatusMapper.FromException(new Microsoft.AspNetCore.Http.BadHttpRequestException("big", 413));
        Assert.Equal(("RequestEntityTooLarge", 413), (tooLarge["reason"]!.GetValue<string>(), KubeStatus.CodeOf(tooLarge)));
        Assert.Equal(404, new KubeStatusException(notFound).Code);
    }
}
