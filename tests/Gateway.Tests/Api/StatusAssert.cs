using System.Text.Json.Nodes;

namespace Actors.Gateway.Tests.Api;

/// <summary>Checks a Kubernetes Status: its code, its reason, and a message naming what is wrong.</summary>
internal static class StatusAssert
{
    /// <summary>The response is the Status with <paramref name="code"/>; the Status.</summary>
    public static async Task<JsonObject> ExpectAsync(HttpResponseMessage response, int code, string reason, string messageNames)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode == code, $"expected {code}, got {(int)response.StatusCode}: {text}");
        var status = JsonNode.Parse(text)!.AsObject();
        Matches(status, code, reason, messageNames);
        return status;
    }

    public static void Matches(JsonNode? status, int code, string reason, string messageNames)
    {
        Assert.NotNull(status);
        Assert.Equal("Status", (string?)status["kind"]);
        Assert.Equal(code, (int)status["code"]!);
        Assert.Equal(reason, (string?)status["reason"]);
        Assert.Contains(messageNames, (string?)status["message"]);
    }
}
