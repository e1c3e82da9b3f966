using Microsoft.AspNetCore.Http;

namespace Actors.Gateway.Api;

/// <summary>The query of a manifest submission, with the defaults that let a bare <c>curl --data-binary</c> deploy.</summary>
internal sealed record ManifestOptions(string FieldManager, string DefaultNamespace, string FieldValidation, bool Force, bool DryRun)
{
    public const string DefaultFieldManager = "actors-manifest";

    public static ManifestOptions From(HttpRequest request) => new(
        ApiResponses.Query(request, "fieldManager") is { Length: > 0 } manager ? manager : DefaultFieldManager,
        ApiResponses.Query(request, "namespace") is { Length: > 0 } ns ? ns : "default",
        Api.FieldValidation.Directive(ApiResponses.Query(request, "fieldValidation")),
        ApiResponses.Flag(request, "force"),
        request.Query["dryRun"].Contains("All"));
}
