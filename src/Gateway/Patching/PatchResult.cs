using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace Actors.Gateway.Patching;

/// <summary>The patched document, or the error that stopped the patch (inputs are never modified either way).</summary>
internal sealed record PatchResult
{
    private PatchResult(JsonNode? document, PatchError? error)
    {
        Document = document;
        Error = error;
    }

    public JsonNode? Document { get; }

    public PatchError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static PatchResult Ok(JsonNode? document) => new(document, null);

    public static PatchResult Fail(PatchError error) => new(null, error);

    public static PatchResult Fail(string message, string? path = null) => new(null, new PatchError(message, Path: path));
}
