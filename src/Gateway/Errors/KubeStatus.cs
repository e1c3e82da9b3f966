using System.Text.Json.Nodes;

namespace Actors.Gateway.Errors;

/// <summary>
/// Builds Kubernetes <c>Status</c> objects (KUBECTL-API.md §14) with the real apiserver's wording, reason and code.
/// kubectl decides by the code plus <c>reason</c>, and prints <c>message</c> verbatim, so both must match exactly.
/// </summary>
internal static class KubeStatus
{
    public const string UnsupportedMediaTypeList = "application/json, application/yaml, application/vnd.kubernetes.protobuf";

    public static JsonObject NotFound(GroupResource resource, string name) =>
        Failure(404, "NotFound", $"{resource} \"{name}\" not found", Details(name, resource.Group, resource.Resource));

    public static JsonObject AlreadyExists(GroupResource resource, string name) =>
        Failure(409, "AlreadyExists", $"{resource} \"{name}\" already exists", Details(name, resource.Group, resource.Resource));

    /// <summary>An optimistic-concurrency failure; <paramref name="detail"/> defaults to the stale-resourceVersion text.</summary>
    public static JsonObject Conflict(GroupResource resource, string name, string? detail = null) =>
        Failure(
            409,
            "Conflict",
            $"Operation cannot be fulfilled on {resource} \"{name}\": "
                + (detail ?? "the object has been modified; please apply your changes to the latest version and try again"),
            Details(name, resource.Group, resource.Resource));

    /// <summary>Server-side apply conflicts: one line and one <c>FieldManagerConflict</c> cause per conflicting field.</summary>
    public static JsonObject ApplyConflict(IReadOnlyList<(string Manager, string ApiVersion, string Field)> conflicts)
    {
        var lines = conflicts.Select(c => $"conflict with \"{c.Manager}\" using {c.ApiVersion}: {c.Field}").ToList();
        var noun = conflicts.Count == 1 ? "conflict" : "conflicts";
        var message = conflicts.Count == 1
            ? $"Apply failed with 1 conflict: {lines[0]}"
            : $"Apply failed with {conflicts.Count} {noun}: {string.Join("\n", lines)}";
        var causes = new JsonArray();
        foreach (var c in conflicts)
        {
            causes.Add(new JsonObject
            {
                ["reason"] = "FieldManagerConflict",
                ["message"] = $"conflict with \"{c.Manager}\" using {c.ApiVersion}",
                ["field"] = c.Field,
            });
        }

        return Failure(409, "Conflict", message, new JsonObject { ["causes"] = causes });
    }

    /// <summary>422 with one cause per field error: <c>Deployment.apps "bad" is invalid: spec.x: Invalid value: …</c>.</summary>
    public static JsonObject Invalid(GroupKind kind, string name, IReadOnlyList<FieldError> errors)
    {
        var text = errors.Count switch
        {
            0 => string.Empty,
            1 => errors[0].ToString(),
            _ => "[" + string.Join(", ", errors.Select(e => e.ToString())) + "]",
        };
        var causes = new JsonArray();
        foreach (var error in errors)
        {
            causes.Add(new JsonObject { ["reason"] = error.Reason, ["message"] = error.Body, ["field"] = error.Field });
        }

        var details = Details(name, kind.Group, kind.Kind);
        details["causes"] = causes;
        return Failure(422, "Invalid", $"{kind} \"{name}\" is invalid: {text}", details);
    }

    public static JsonObject BadRequest(string message) => Failure(400, "BadRequest", message, null);

    public static JsonObject Unauthorized(string message = "Unauthorized") => Failure(401, "Unauthorized", message, null);

    /// <summary>
    /// The authorizer's denial: <c>pods is forbidden: User "u" cannot list resource "pods" in API group "" in the
    /// namespace "default"</c>; with a name, <c>deployments.apps "web" is forbidden: …</c>.
    /// </summary>
    public static JsonObject Forbidden(
        string user, string verb, GroupResource resource, string? name = null, string? ns = null, string? subresource = null)
    {
        var target = string.IsNullOrEmpty(subresource) ? resource.Resource : $"{resource.Resource}/{subresource}";
        var scope = string.IsNullOrEmpty(ns) ? "at the cluster scope" : $"in the namespace \"{ns}\"";
        var reason = $"User \"{user}\" cannot {verb} resource \"{target}\" in API group \"{resource.Group}\" {scope}";
        return ForbiddenWithReason(resource, name, reason);
    }

    /// <summary>A 403 for <paramref name="resource"/> with a free-form reason (e.g. a terminating namespace).</summary>
    public static JsonObject ForbiddenWithReason(GroupResource resource, string? name, string reason)
    {
        var subject = string.IsNullOrEmpty(name) ? resource.ToString() : $"{resource} \"{name}\"";
        return Failure(403, "Forbidden", $"{subject} is forbidden: {reason}", Details(name, resource.Group, resource.Resource));
    }

    /// <summary>503: the part of the cluster that answers this (a node's agent) is not reachable now.</summary>
    public static JsonObject ServiceUnavailable(string message) => Failure(503, "ServiceUnavailable", message, null);

    public static JsonObject MethodNotAllowed() =>
        Failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource", null);

    public static JsonObject UnsupportedMediaType(string accepted = UnsupportedMediaTypeList) =>
        Failure(
            415,
            "UnsupportedMediaType",
            $"the body of the request was in an unknown format - accepted media types include: {accepted}",
            null);

    /// <summary>413; without a known limit the message just says the entity is too large.</summary>
    public static JsonObject RequestEntityTooLarge(long? limitBytes) =>
        Failure(
            413,
            "RequestEntityTooLarge",
            limitBytes is { } limit ? $"Request entity too large: limit is {limit}" : "Request entity too large",
            null);

    /// <summary>410 for a watch or list from a compacted resourceVersion; informers re-list on it.</summary>
    public static JsonObject Gone(long requested, long oldest) =>
        Failure(410, "Expired", $"too old resource version: {requested} ({oldest})", null);

    public static JsonObject TooManyRequests(string message, int? retryAfterSeconds = null)
    {
        var details = retryAfterSeconds is { } seconds ? new JsonObject { ["retryAfterSeconds"] = seconds } : null;
        return Failure(429, "TooManyRequests", message, details);
    }

    public static JsonObject InternalError(string error) =>
        Failure(
            500,
            "InternalError",
            $"Internal error occurred: {error}",
            new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["message"] = error }) });

    public static JsonObject Timeout(string message, int retryAfterSeconds = 0)
    {
        var details = retryAfterSeconds > 0 ? new JsonObject { ["retryAfterSeconds"] = retryAfterSeconds } : null;
        return Failure(504, "Timeout", $"Timeout: {message}", details);
    }

    /// <summary>The 200 body of a DELETE whose object is gone at once.</summary>
    public static JsonObject Success(GroupResource resource, string name, string uid)
    {
        var details = Details(name, resource.Group, resource.Resource);
        details["uid"] = uid;
        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        };
    }

    /// <summary>The HTTP code a Status carries (500 when it has none).</summary>
    public static int CodeOf(JsonObject status) =>
        status["code"] is JsonValue value && value.TryGetValue(out int code) ? code : 500;

    private static JsonObject Failure(int code, string reason, string message, JsonObject? details)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null)
        {
            status["details"] = details;
        }

        status["code"] = code;
        return status;
    }

    // Go's omitempty: empty name and the core group's "" are left out.
    private static JsonObject Details(string? name, string group, string kind)
    {
        var details = new JsonObject();
        if (!string.IsNullOrEmpty(name))
        {
            details["name"] = name;
        }

        if (group.Length > 0)
        {
            details["group"] = group;
        }

        details["kind"] = kind;
        return details;
    }
}
