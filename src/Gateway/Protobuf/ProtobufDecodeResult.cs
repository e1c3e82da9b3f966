using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace Actors.Gateway.Protobuf;

/// <summary>A decoded protobuf request body as a JSON object, or why it could not be decoded.</summary>
/// <param name="Unsupported">True when the body is well formed but its kind is not served: answer 415, not 400.</param>
internal sealed record ProtobufDecodeResult(JsonObject? Object, string? Error, bool Unsupported = false)
{
    [MemberNotNullWhen(true, nameof(Object))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Object is not null;

    public static ProtobufDecodeResult Ok(JsonObject value) => new(value, null);

    public static ProtobufDecodeResult Fail(string error, bool unsupported = false) => new(null, error, unsupported);
}
