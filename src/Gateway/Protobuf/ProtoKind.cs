namespace Actors.Gateway.Protobuf;

/// <summary>How a protobuf field of a Kubernetes message becomes JSON (KUBECTL-API.md §18 transcoding rules).</summary>
internal enum ProtoKind
{
    String,

    /// <summary>Bytes, written as base64 (Secret data, ConfigMap binaryData).</summary>
    Bytes,
    Int32,
    Int64,
    Bool,

    /// <summary>A nested message, named by <see cref="ProtoField.Message"/>.</summary>
    Message,

    /// <summary><c>map&lt;string,string&gt;</c>.</summary>
    StringMap,

    /// <summary><c>map&lt;string,bytes&gt;</c>, values base64.</summary>
    BytesMap,

    /// <summary><c>map&lt;string,Quantity&gt;</c> (resource lists).</summary>
    QuantityMap,

    /// <summary><c>IntOrString {1 type, 2 intVal, 3 strVal}</c>: a JSON number or string.</summary>
    IntOrString,

    /// <summary><c>Quantity {1 string}</c>: a JSON string.</summary>
    Quantity,

    /// <summary><c>Time {1 seconds, 2 nanos}</c>: RFC 3339, omitted when all zero.</summary>
    Time,

    /// <summary><c>FieldsV1</c>/<c>RawExtension {1 raw}</c>: the embedded JSON document.</summary>
    RawJson,
}
