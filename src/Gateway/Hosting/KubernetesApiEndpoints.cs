using System.Text.Json.Nodes;
using Actors.Gateway.Api;
using Actors.Gateway.Discovery;
using Actors.Gateway.Errors;
using Actors.Gateway.Security;
using Actors.Grains.Abstractions.Resources;
using Actors.Grains.Abstractions.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Actors.Gateway.Hosting;

/// <summary>
/// The request pipeline of every Kubernetes API route: bearer-token authentication (401), authorization by verb
/// (403), dispatch to discovery or <see cref="ResourceHandler"/>, and every failure as a Status (KUBECTL-API.md §14).
/// </summary>
internal sealed class KubernetesApiEndpoints(GatewaySecurity security, GatewayOptions options, IGrainFactory grains, IObjectStore store, TimeProvider time, ILogger<KubernetesApiEndpoints> logger)
{
    private readonly ResourceHandler _resources = new(grains, store, time, options.MaxRequestBodyBytes);

    private readonly MetricsApiHandler _metrics = new(grains, store);

    private readonly SelfReviews _reviews = new(security.Authorizer, options.MaxRequestBodyBytes);

    private readonly ManifestHandler _manifests = new(new ObjectWriter(grains, store), time, options.MaxRequestBodyBytes, logger);

    public Task VersionAsync(HttpContext context) => RunAsync(context, anonymous: true, c => ApiResponses.WriteAsync(c, 200, DiscoveryDocuments.Version()));

    /// <summary>An empty protobuf document: enough for kubectl apply/create/edit (§7.1).</summary>
    public Task OpenApiV2Async(HttpContext context) => RunAsync(context, anonymous: false, c =>
    {
        c.Response.StatusCode = 200;
        c.Response.ContentType = "application/octet-stream";
        return Task.CompletedTask;
    });

    public Task OpenApiV3Async(HttpContext context) => RunAsync(context, anonymous: false, c =>
        throw new KubeStatusException(KubeStatus.NotFound(new GroupResource("", "openapi"), "v3")));

    public Task ApiAsync(HttpContext context) => RunAsync(context, anonymous: false, async c =>
    {
        var parsed = ApiPath.Parse(c.Request.Path.Value ?? "");
        var isGet = HttpMethods.IsGet(c.Request.Method);
        switch (parsed.Kind)
        {
            case ApiPathKind.LegacyVersions when isGet:
                await ApiResponses.WriteAsync(c, 200, DiscoveryDocuments.ApiVersions($"{c.Request.Host.Host}:{c.Connection.LocalPort}"));
                break;
            case ApiPathKind.GroupList when isGet:
                await ApiResponses.WriteAsync(c, 200, DiscoveryDocuments.ApiGroupList());
                break;
            case ApiPathKind.Group when isGet && DiscoveryDocuments.Group(parsed.Group) is { } group:
                await ApiResponses.WriteAsync(c, 200, group);
                break;
            case ApiPathKind.ResourceList when isGet && DiscoveryDocuments.ResourceList(parsed.Group, parsed.Version) is { } list:
                await ApiResponses.WriteAsync(c, 200, list);
                break;
            case ApiPathKind.Resource:
                var target = parsed.Target!;
                var user = (UserInfo)c.Items[typeof(UserInfo)]!;
                if (KindRegistry.Reviews.Contains(target.Kind))
                {
                    await _reviews.HandleAsync(c, target, user);
                    break;
                }
                var verb = target.Verb(c.Request.Method, ApiResponses.Flag(c.Request, "watch"));
                var decision = security.Authorizer.Authorize(user, verb);
                if (!decision.Allowed)
                {
                    throw new KubeStatusException(KubeStatus.Forbidden(user.Name, verb, new GroupResource(target.Kind.Group, target.Kind.Plural), target.Name, target.Namespace, target.Subresource));
                }
                if (KindRegistry.Measured.Contains(target.Kind))
                {
                    await _metrics.HandleAsync(c, target);
                }
                else
                {
                    await _resources.HandleAsync(c, target);
                }
                break;
            default:
                await ApiResponses.WriteStatusAsync(c, NotFound());
                break;
        }
    });

    /// <summary>Manifest submission: it creates and patches, so a user who may not is refused before the body is read.</summary>
    public Task ManifestsAsync(HttpContext context) => RunAsync(context, anonymous: false, c =>
    {
        var user = (UserInfo)c.Items[typeof(UserInfo)]!;
        if (new[] { "create", "patch" }.FirstOrDefault(verb => !security.Authorizer.Authorize(user, verb).Allowed) is { } refused)
        {
            throw new KubeStatusException(KubeStatus.Forbidden(user.Name, refused, ManifestHandler.Resource));
        }
        return _manifests.HandleAsync(c);
    });

    private async Task RunAsync(HttpContext context, bool anonymous, Func<HttpContext, Task> handler)
    {
        context.Response.Headers.CacheControl = "no-cache, private";
        try
        {
            if (!anonymous)
            {
                var user = security.Authenticator.Authenticate(TokenAuthenticator.BearerToken(context.Request.Headers.Authorization));
                if (user is null)
                {
                    await ApiResponses.WriteStatusAsync(context, KubeStatus.Unauthorized());
                    return;
                }
                context.Items[typeof(UserInfo)] = user;
            }
            await handler(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException || e is KubeStatusException)
        {
            if (context.Response.HasStarted)
            {
                return;
            }
            var status = StatusMapper.FromException(e);
            if (KubeStatus.CodeOf(status) >= 500)
            {
                logger.LogError(e, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            }
            await ApiResponses.WriteStatusAsync(context, status);
        }
    }

    private static JsonObject NotFound() => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = "the server could not find the requested resource",
        ["reason"] = "NotFound",
        ["details"] = new JsonObject(),
        ["code"] = 404,
    };
}
