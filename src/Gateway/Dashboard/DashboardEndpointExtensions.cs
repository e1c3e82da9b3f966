using Actors.Gateway.Dashboard.Objects;
using Actors.Gateway.Security;
using Actors.Grains.Abstractions.Store;
using Actors.Runtime.Management;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Gateway.Dashboard;

public static class DashboardEndpointExtensions
{
    private const string PageSecurityPolicy =
        "default-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>Adds the sampler that turns the management API's counters into the dashboard's rates and history.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, Action<DashboardOptions>? configure = null)
    {
        var options = new DashboardOptions();
        configure?.Invoke(options);
        if (options.SampleInterval <= TimeSpan.Zero || options.History < options.SampleInterval || options.MembershipHistoryLimit < 1)
        {
            throw new ArgumentException(
                $"Invalid dashboard options: SampleInterval ({options.SampleInterval}) must be positive, History ({options.History}) at least one interval, MembershipHistoryLimit ({options.MembershipHistoryLimit}) at least 1.");
        }
        services.AddSingleton(options);
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
        services.AddSingleton<DashboardSampler>();
        services.AddSingleton(sp => new DashboardSessions(sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService(sp => sp.GetRequiredService<DashboardSampler>());
        return services;
    }

    /// <summary>
    /// Maps the page at <c>/dashboard/</c>, the JSON API under <c>/dashboard/api/</c> and the login endpoints in one
    /// route group. With <c>AddKubernetesApi</c> the API needs a bearer token or a session cookie from
    /// <c>/dashboard/login</c> (the page itself loads without one, to show its login form); without it all is open.
    /// </summary>
    public static RouteGroupBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/dashboard");
        group.MapGet("/", (HttpContext context) =>
            context.Request.Path.Value?.EndsWith('/') == true
                ? Asset(context, "index.html")
                // Relative URLs in the page resolve against the trailing slash, which keeps any path base working.
                : Results.Redirect(context.Request.PathBase + context.Request.Path + "/"));
        group.MapGet("/{file}", (HttpContext context, string file) => Asset(context, file));

        MapLogin(group);

        var api = group.MapGroup("/api");
        api.AddEndpointFilter(async (context, next) =>
            DashboardAuthentication.Check(context.HttpContext, acceptSession: true) is { } denied
                ? Error(denied.Status, denied.Message)
                : await next(context));
        api.MapGet("/cluster", (DashboardSampler sampler, TimeProvider time) =>
        {
            var now = time.GetUtcNow();
            var statistics = sampler.Statistics;
            var silos = sampler.Silos.Select(s =>
            {
                var stats = statistics.GetValueOrDefault(s.Address);
                return new SiloView(s.Address, s.Name, s.Role, s.Status.ToString(), s.StartTime, s.IAmAliveTime,
                    Math.Max(0, (now - s.StartTime).TotalSeconds), s.ActivationCount, s.ProxyPort, stats?.CpuPercent, stats?.MemoryBytes);
            }).ToArray();
            return Json(new ClusterResponse(now, silos, sampler.MembershipHistory));
        });
        api.MapGet("/grains", (DashboardSampler sampler, DashboardOptions options, TimeProvider time) =>
        {
            var samples = sampler.Samples;
            var latest = samples.Count > 0 ? samples[^1] : new DashboardSample(time.GetUtcNow(), []);
            return Json(new GrainsResponse(time.GetUtcNow(), options.SampleInterval.TotalSeconds, Totals(latest), latest.GrainTypes, samples.Select(Totals).ToArray()));
        });
        api.MapGet("/grains/{type}", (string type, DashboardSampler sampler, IManagementService management) =>
        {
            // Summed over the silos that host the type.
            var history = sampler.Samples
                .Select(s => (s.Time, Rates: DashboardRates.Combine([.. s.GrainTypes.Where(g => g.GrainType == type)])))
                .Select(p => new TotalsPoint(p.Time, p.Rates?.Activations ?? 0, p.Rates?.CallsPerSecond ?? 0, p.Rates?.ExceptionsPerSecond ?? 0, p.Rates?.AverageMs ?? 0))
                .ToArray();
            var latest = DashboardRates.Combine([.. sampler.Latest?.GrainTypes.Where(g => g.GrainType == type) ?? []]);
            return Json(new GrainTypeResponse(type, latest, history, management.GetActivationIds(type, 100)));
        });
        api.MapGet("/methods", (HttpContext context, DashboardSampler sampler, TimeProvider time) =>
        {
            var text = context.Request.Query["top"].ToString();
            var top = 10;
            if (text.Length > 0 && (!int.TryParse(text, out top) || top is < 1 or > 1000))
            {
                return Error(400, $"top must be a whole number from 1 to 1000, not '{text}'.");
            }
            var methods = sampler.GetTopMethods(top);
            return Json(new MethodsResponse(time.GetUtcNow(), methods.ByCalls, methods.ByLatency, methods.ByErrors));
        });
        api.MapGet("/grain/{**id}", async (string? id, IManagementService management, CancellationToken cancellationToken) =>
        {
            GrainId grainId;
            try
            {
                grainId = GrainId.Parse(id ?? "");
            }
            catch (FormatException exception)
            {
                return Error(400, exception.Message);
            }
            var details = await management.FindActivationAsync(grainId, cancellationToken);
            return details is null
                ? Error(404, $"Grain {grainId} has no activation in the cluster.")
                : Json(GrainDetailsResponse.From(details));
        });
        api.MapGet("/objects/{kind}", async (string kind, HttpContext context, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (context.RequestServices.GetService<IObjectStore>() is not { } store)
            {
                return Error(404, "This process has no object store: it serves no objects.");
            }
            var request = context.Request.Query;
            var (query, error) = ObjectQuery.Parse(request["namespace"], request["offset"], request["limit"]);
            if (query is null)
            {
                return Error(400, error!);
            }
            var now = time.GetUtcNow();
            return kind switch
            {
                "deployments" => Json(await ObjectPages.DeploymentsAsync(store, query, now, cancellationToken)),
                "pods" => Json(await ObjectPages.PodsAsync(store, query, now, cancellationToken)),
                "nodes" => Json(await ObjectPages.NodesAsync(store, query, now, cancellationToken)),
                _ => Error(404, $"The dashboard shows deployments, pods and nodes, not '{kind}'."),
            };
        });
        api.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });
        return group;
    }

    private static void MapLogin(RouteGroupBuilder group)
    {
        // A token typed into the page's form (or sent as a bearer header) becomes a session cookie.
        group.MapPost("/login", async (HttpContext context, DashboardSessions sessions, CancellationToken cancellationToken) =>
        {
            if (DashboardAuthentication.Security(context) is not { } security)
            {
                return Error(404, "The dashboard has no authentication configured: nothing to log in to.");
            }
            var token = TokenAuthenticator.BearerToken(context.Request.Headers.Authorization);
            if (token is null && context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync(cancellationToken);
                token = form["token"].ToString().Trim();
            }
            if (string.IsNullOrEmpty(token))
            {
                return Error(400, "Send the token as the form field 'token' or as an Authorization: Bearer header.");
            }
            var user = security.Authenticator.Authenticate(token);
            if (user is null)
            {
                return Error(401, "That token is not valid.");
            }
            var decision = security.Authorizer.Authorize(user, DashboardAuthentication.ViewVerb);
            if (!decision.Allowed)
            {
                return Error(403, $"User \"{user.Name}\" may not view the dashboard: {decision.Reason}.");
            }
            return StartSession(context, sessions, user);
        });
        // The one-time link: the spent code is all that stays in the browser's history.
        group.MapGet("/login", (HttpContext context, DashboardSessions sessions) =>
        {
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            var code = context.Request.Query["code"].ToString();
            if (DashboardAuthentication.Security(context) is null || code.Length == 0)
            {
                return SeeOther(context, "");
            }
            var user = sessions.Redeem(code);
            return user is null ? SeeOther(context, "#login=expired") : StartSession(context, sessions, user);
        });
        group.MapMethods("/logout", [HttpMethods.Get, HttpMethods.Post], (HttpContext context, DashboardSessions sessions) =>
        {
            sessions.End(context.Request.Cookies[DashboardAuthentication.CookieName]);
            DashboardAuthentication.ClearSessionCookie(context);
            return SeeOther(context, "");
        });
        // Bearer only (never the cookie), and admin only: a link is as good as the admin's token for 5 minutes.
        group.MapPost("/login-links", (HttpContext context, DashboardSessions sessions) =>
        {
            if (DashboardAuthentication.Security(context) is not { } security)
            {
                return Error(404, "The dashboard has no authentication configured: it needs no login link.");
            }
            var user = DashboardAuthentication.BearerUser(context, security);
            if (user is null)
            {
                return Error(401, "A bearer token is required.");
            }
            if (!user.Groups.Contains(UserInfo.MastersGroup))
            {
                return Error(403, $"User \"{user.Name}\" is not in {UserInfo.MastersGroup}: only admins may create login links.");
            }
            var (code, expiresAt) = sessions.IssueCode(user);
            context.Response.Headers.CacheControl = "no-store";
            var path = $"{context.Request.PathBase}/dashboard/login?code={code}";
            return Results.Json(new LoginLinkResponse(code, path, expiresAt), DashboardJson.Options, statusCode: 201);
        });
    }

    private static IResult StartSession(HttpContext context, DashboardSessions sessions, UserInfo user)
    {
        DashboardAuthentication.SetSessionCookie(context, sessions.Start(user));
        return SeeOther(context, "");
    }

    /// <summary>303, so a POSTed form becomes a GET of the page and a refresh does not resend the token.</summary>
    private static IResult SeeOther(HttpContext context, string fragment)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Location = $"{context.Request.PathBase}/dashboard/{fragment}";
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static TotalsPoint Totals(DashboardSample sample) =>
        new(sample.Time, sample.Activations, sample.CallsPerSecond, sample.ExceptionsPerSecond, sample.AverageMs);

    private static IResult Json<T>(T value) => Results.Json(value, DashboardJson.Options);

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, DashboardJson.Options, statusCode: status);

    private static IResult Asset(HttpContext context, string name)
    {
        if (!DashboardAssets.Embedded.TryGet(name, out var asset))
        {
            return Results.NotFound();
        }
        var headers = context.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        headers.XContentTypeOptions = "nosniff";
        if (name.EndsWith(".html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = PageSecurityPolicy;
        }
        return context.Request.Headers.IfNoneMatch == asset.ETag
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(asset.Content, asset.ContentType);
    }
}
