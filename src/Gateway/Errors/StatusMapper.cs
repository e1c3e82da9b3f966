using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Actors.Gateway.Errors;

/// <summary>Maps any failure escaping a handler to a Status, so that no error reaches kubectl as ProblemDetails or HTML.</summary>
internal static class StatusMapper
{
    public static JsonObject FromException(Exception exception) => exception switch
    {
        KubeStatusException e => e.Status,
        JsonException e => KubeStatus.BadRequest("the request body is not valid JSON: " + e.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => KubeStatus.RequestEntityTooLarge(null),
        BadHttpRequestException e => KubeStatus.BadRequest(e.Message),
        TimeoutException e => KubeStatus.Timeout(e.Message),
        OperationCanceledException => KubeStatus.Timeout("request did not complete within the allowed duration"),
        _ => KubeStatus.InternalError(exception.Message),
    };
}
