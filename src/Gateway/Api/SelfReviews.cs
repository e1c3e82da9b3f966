using System.Text.Json.Nodes;
using Actors.Gateway.Errors;
using Actors.Gateway.Security;
using Actors.Grains.Abstractions.Resources;
using Microsoft.AspNetCore.Http;

namespace Actors.Gateway.Api;

/// <summary>
/// What callers ask about themselves (<c>kubectl auth can-i</c>, <c>auth can-i --list</c>, <c>auth whoami</c>): the
/// request comes back with its status filled in from the caller's own credentials, 201, and nothing is stored. Any
/// authenticated user may ask, as Kubernetes' <c>system:basic-user</c> role allows.
/// </summary>
internal sealed class SelfReviews(Authorizer authorizer, long maxRequestBodyBytes)
{
    public async Task HandleAsync(HttpContext context, ResourceTarget target, UserInfo user)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || target.Name is not null)
        {
            throw new KubeStatusException(KubeStatus.MethodNotAllowed());
        }
        var body = await RequestBody.ReadAsync(context.Request, maxRequestBodyBytes, context.RequestAborted);
        var review = body.Length == 0 ? new JsonObject() : RequestBody.DecodeObject(RequestBody.MediaType(context.Request.ContentType), body);
        review["apiVersion"] = target.Kind.ApiVersion;
        review["kind"] = target.Kind.Kind;
        review["metadata"] ??= new JsonObject();
        review["status"] = target.Kind.Kind switch
        {
            SelfSubjectAccessReview.KindValue => AccessStatus(review, user),
            SelfSubjectRulesReview.KindValue => RulesStatus(user),
            _ => new JsonObject { ["userInfo"] = new JsonObject { ["username"] = user.Name, ["uid"] = user.Uid, ["groups"] = KubeJson.Strings(user.Groups) } },
        };
        await ApiResponses.WriteAsync(context, 201, review);
    }

    /// <summary>The decision for the verb asked about; this server's rules depend on the verb alone.</summary>
    private JsonObject AccessStatus(JsonObject review, UserInfo user)
    {
        var spec = review["spec"];
        var verb = (string?)spec?["resourceAttributes"]?["verb"] ?? (string?)spec?["nonResourceAttributes"]?["verb"];
        if (string.IsNullOrEmpty(verb))
        {
            throw new KubeStatusException(KubeStatus.Invalid(new GroupKind("authorization.k8s.io", SelfSubjectAccessReview.KindValue), "",
                [new FieldError(FieldErrorType.Required, "spec.resourceAttributes.verb", null, "a verb to ask about is required")]));
        }
        var decision = authorizer.Authorize(user, verb);
        return new JsonObject { ["allowed"] = decision.Allowed, ["reason"] = decision.Reason };
    }

    /// <summary>Everything for <c>system:masters</c>, reading for the read-only group, nothing for anyone else.</summary>
    private JsonObject RulesStatus(UserInfo user)
    {
        var masters = user.Groups.Contains(UserInfo.MastersGroup);
        var reader = user.Groups.Contains(authorizer.ReadOnlyGroup);
        var resourceRules = new JsonArray();
        var nonResourceRules = new JsonArray();
        if (masters || reader)
        {
            IReadOnlyList<string> verbs = masters ? ["*"] : ["get", "list", "watch"];
            resourceRules.Add(new JsonObject { ["verbs"] = KubeJson.Strings(verbs), ["apiGroups"] = KubeJson.Strings(["*"]), ["resources"] = KubeJson.Strings(["*"]) });
            nonResourceRules.Add(new JsonObject { ["verbs"] = KubeJson.Strings(masters ? ["*"] : ["get"]), ["nonResourceURLs"] = KubeJson.Strings(["*"]) });
        }
        return new JsonObject { ["resourceRules"] = resourceRules, ["nonResourceRules"] = nonResourceRules, ["incomplete"] = false };
    }
}
