using System.Text;
using System.Text.Json.Nodes;
using Actors.Gateway.Errors;
using Microsoft.AspNetCore.Http;

namespace Actors.Gateway.Api;

/// <summary>Writes objects, lists, Tables and Status as <c>application/json</c>.</summary>
internal static class ApiResponses
{
    public static async Task WriteAsync(HttpContext context, int code, JsonNode body)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(KubeJson.Serialize(body), Encoding.UTF8, context.RequestAborted);
    }

    public static Task WriteStatusAsync(HttpContext context, JsonObject status) => WriteAsync(context, KubeStatus.CodeOf(status), status);

    /// <summary>Go's strconv.ParseBool, as kubectl and the Python client spell booleans (<c>watch=True</c>).</summary>
    public static bool Flag(HttpRequest request, string name) =>
        request.Query[name].ToString() is "1" or "t" or "T" or "true" or "TRUE" or "True";

    public static string? Query(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    /// <summary>True when the Accept header asks for a <c>meta.k8s.io</c> Table (KUBECTL-API.md §8.1).</summary>
    public static bool WantsTable(string? accept)
    {
        if (string.IsNullOrEmpty(accept))
        {
            return false;
        }
        foreach (var clause in accept.Split(','))
        {
            var parameters = clause.Split(';').Skip(1).Select(p => p.Trim()).ToList();
            if (parameters.Contains("as=Table") && parameters.Contains("g=meta.k8s.io"))
            {
                return true;
            }
        }
        return false;
    }
}
