using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Actors.Gateway.Tests.Api;

/// <summary><c>kubectl auth can-i</c>, <c>can-i --list</c> and <c>whoami</c>: each caller asks about itself, the read-only one included.</summary>
[Trait("Category", "Unit")]
public sealed class SelfReviewsTests(ViewerGatewayFixture fixture) : IClassFixture<ViewerGatewayFixture>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private const string AccessReviews = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

    [Theory]
    [InlineData(null, "delete", true)]
    [InlineData(ViewerGatewayFixture.ReadOnlyToken, "list", true)]
    [InlineData(ViewerGatewayFixture.ReadOnlyToken, "delete", false)]
    public async Task Can_i_answers_from_the_callers_own_rights(string? token, string verb, bool allowed)
    {
        using var client = fixture.Gateway.Client(token);

        var review = await PostAsync(client, AccessReviews, $$$$"""{"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview","spec":{"resourceAttributes":{"namespace":"default","verb":"{{{{verb}}}}","resource":"pods"}}}""");

        Assert.Equal(allowed, (bool)review["status"]!["allowed"]!);
        Assert.False(string.IsNullOrEmpty((string?)review["status"]!["reason"]));
        Assert.Equal(verb, (string?)review["spec"]!["resourceAttributes"]!["verb"]);
    }

    [Fact]
    public async Task Whoami_and_the_rules_of_the_read_only_user()
    {
        using var client = fixture.Gateway.Client(ViewerGatewayFixture.ReadOnlyToken);

        var whoami = await PostAsync(client, "/apis/authentication.k8s.io/v1/selfsubjectreviews", """{"apiVersion":"authentication.k8s.io/v1","kind":"SelfSubjectReview"}""");
        var rules = await PostAsync(client, "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews", """{"spec":{"namespace":"default"}}""");

        Assert.Equal("viewer", (string?)whoami["status"]!["userInfo"]!["username"]);
        Assert.Contains("actors:readonly", whoami["status"]!["userInfo"]!["groups"]!.AsArray().Select(g => (string?)g));
        Assert.Equal("""["get","list","watch"]""", rules["status"]!["resourceRules"]![0]!["verbs"]!.ToJsonString());
        Assert.False((bool)rules["status"]!["incomplete"]!);
    }

    [Fact]
    public async Task A_review_without_a_verb_is_invalid_and_one_cannot_be_read_back()
    {
        using var client = fixture.Gateway.Client();
        using var missing = await client.PostAsync(AccessReviews, Json("""{"spec":{"resourceAttributes":{"resource":"pods"}}}"""), Ct);
        using var listed = await client.GetAsync(AccessReviews, Ct);

        await StatusAssert.ExpectAsync(missing, 422, "Invalid", "spec.resourceAttributes.verb");
        await StatusAssert.ExpectAsync(listed, 405, "MethodNotAllowed", "does not allow this method");
    }

    private static async Task<JsonObject> PostAsync(HttpClient client, string path, string body)
    {
        using var response = await client.PostAsync(path, Json(body), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
