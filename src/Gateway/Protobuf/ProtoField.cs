namespace Actors.Gateway.Protobuf;

/// <summary>One field of a Kubernetes protobuf message and the JSON rule that applies to it.</summary>
/// <param name="Pointer">A Go pointer field: zero values are kept (value-type zeros are dropped, as JSON omitempty).</param>
/// <param name="Inline">A <c>json:",inline"</c> embedded struct: its members merge into the parent object.</param>
internal sealed record ProtoField(
    int Number,
    string Name,
    ProtoKind Kind,
    string? Message = null,
    bool Repeated = false,
    bool Pointer = false,
    bool Inline = false);
