namespace Actors.Gateway.Health;

/// <summary>What a health endpoint answers: an HTTP status and a text/plain body.</summary>
public sealed record HealthResponse(int StatusCode, string Body);
