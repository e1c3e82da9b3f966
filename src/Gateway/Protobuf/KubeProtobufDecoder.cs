using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;

namespace Actors.Gateway.Protobuf;

/// <summary>
/// Decodes <c>application/vnd.kubernetes.protobuf</c> request bodies (KUBECTL-API.md §18): the <c>k8s\0</c> magic, a
/// <c>runtime.Unknown</c> envelope {1 typeMeta, 2 raw, 3 contentEncoding, 4 contentType}, and the object message in
/// <c>raw</c>, transcoded to the JSON kubectl would have sent. Unknown field numbers are skipped.
/// </summary>
internal static class KubeProtobufDecoder
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    private static readonly byte[] MagicBytes = "k8s\0"u8.ToArray();

    /// <summary>The four bytes every Kubernetes protobuf body starts with.</summary>
    public static ReadOnlySpan<byte> Magic => MagicBytes;

    public static ProtobufDecodeResult Decode(byte[] body)
    {
        if (body.Length < MagicBytes.Length || !body.AsSpan(0, MagicBytes.Length).SequenceEqual(MagicBytes))
        {
            return ProtobufDecodeResult.Fail("the protobuf body does not start with the Kubernetes magic \"k8s\\0\"");
        }

        try
        {
            return DecodeEnvelope(new CodedInputStream(body, MagicBytes.Length, body.Length - MagicBytes.Length));
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or FormatException or JsonException)
        {
            return ProtobufDecodeResult.Fail("malformed protobuf body: " + e.Message);
        }
    }

    private static ProtobufDecodeResult DecodeEnvelope(CodedInputStream input)
    {
        string apiVersion = string.Empty, kind = string.Empty, contentEncoding = string.Empty;
        byte[]? raw = null;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    (apiVersion, kind) = DecodeTypeMeta(ReadLengthDelimited(input, tag, "Unknown.typeMeta"));
                    break;
                case 2:
                    raw = ReadLengthDelimited(input, tag, "Unknown.raw");
                    break;
                case 3:
                    contentEncoding = ReadString(input, tag, "Unknown.contentEncoding");
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        if (kind.Length == 0)
        {
            return ProtobufDecodeResult.Fail("the protobuf envelope has no typeMeta.kind");
        }

        if (contentEncoding.Length > 0)
        {
            return ProtobufDecodeResult.Fail($"unsupported protobuf contentEncoding \"{contentEncoding}\"", unsupported: true);
        }

        var message = KubeProtoSchema.TopLevelMessage(apiVersion, kind);
        if (message is null)
        {
            return ProtobufDecodeResult.Fail($"protobuf bodies of {apiVersion}, Kind={kind} are not supported; send JSON", unsupported: true);
        }

        var result = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        foreach (var (key, value) in DecodeMessage(raw ?? [], message))
        {
            result[key] = value?.DeepClone();
        }

        return ProtobufDecodeResult.Ok(result);
    }

    private static (string ApiVersion, string Kind) DecodeTypeMeta(byte[] data)
    {
        string apiVersion = string.Empty, kind = string.Empty;
        var input = new CodedInputStream(data);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    apiVersion = ReadString(input, tag, "TypeMeta.apiVersion");
                    break;
                case 2:
                    kind = ReadString(input, tag, "TypeMeta.kind");
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return (apiVersion, kind);
    }

    private static JsonObject DecodeMessage(byte[] data, string message)
    {
        var fields = KubeProtoSchema.Fields(message);
        var result = new JsonObject();
        var input = new CodedInputStream(data);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (!fields.TryGetValue(WireFormat.GetTagFieldNumber(tag), out var field))
            {
                input.SkipLastField();
                continue;
            }

            ReadField(input, tag, field, message, result);
        }

        return result;
    }

    private static void ReadField(CodedInputStream input, uint tag, ProtoField field, string message, JsonObject target)
    {
        var where = $"{message}.{(field.Inline ? "(inline)" : field.Name)}";
        switch (field.Kind)
        {
            case ProtoKind.String or ProtoKind.Int32 or ProtoKind.Int64 or ProtoKind.Bool:
                ReadScalar(input, tag, field, where, target);
                return;
            case ProtoKind.Bytes:
                SetOrAppend(target, field, Convert.ToBase64String(ReadLengthDelimited(input, tag, where)));
                return;
            case ProtoKind.StringMap or ProtoKind.BytesMap or ProtoKind.QuantityMap:
                var (key, value) = DecodeMapEntry(ReadLengthDelimited(input, tag, where), field.Kind);
                if (target[field.Name] is not JsonObject map)
                {
                    map = new JsonObject();
                    target[field.Name] = map;
                }

                map[key] = value;
                return;
        }

        var bytes = ReadLengthDelimited(input, tag, where);
        switch (field.Kind)
        {
            case ProtoKind.Message when field.Inline:
                foreach (var (name, member) in DecodeMessage(bytes, field.Message!))
                {
                    target[name] = member?.DeepClone();
                }

                return;
            case ProtoKind.Message:
                SetOrAppend(target, field, DecodeMessage(bytes, field.Message!));
                return;
            case ProtoKind.IntOrString:
                SetOrAppend(target, field, DecodeIntOrString(bytes));
                return;
            case ProtoKind.Quantity:
                SetOrAppend(target, field, DecodeQuantity(bytes));
                return;
            case ProtoKind.Time:
                var time = DecodeTime(bytes);
                if (time is not null)
                {
                    SetOrAppend(target, field, time);
                }

                return;
            case ProtoKind.RawJson:
                SetOrAppend(target, field, DecodeRawJson(bytes) ?? new JsonObject());
                return;
            default:
                throw new FormatException($"{where}: unsupported field kind {field.Kind}");
        }
    }

    private static void ReadScalar(CodedInputStream input, uint tag, ProtoField field, string where, JsonObject target)
    {
        var wireType = WireFormat.GetTagWireType(tag);
        if (field.Kind != ProtoKind.String && field.Repeated && wireType == WireFormat.WireType.LengthDelimited)
        {
            // Packed repeated varints.
            var packed = new CodedInputStream(input.ReadBytes().ToByteArray());
            while (!packed.IsAtEnd)
            {
                SetOrAppend(target, field, ReadVarint(packed, field.Kind));
            }

            return;
        }

        JsonNode value;
        if (field.Kind == ProtoKind.String)
        {
            var text = ReadString(input, tag, where);
            if (text.Length == 0 && !field.Pointer && !field.Repeated)
            {
                return;
            }

            value = text;
        }
        else
        {
            if (wireType != WireFormat.WireType.Varint)
            {
                throw new FormatException($"{where}: expected a varint, got wire type {wireType}");
            }

            value = ReadVarint(input, field.Kind);
            if (!field.Pointer && !field.Repeated && value.ToJsonString() is "0" or "false")
            {
                return;
            }
        }

        SetOrAppend(target, field, value);
    }

    private static JsonNode ReadVarint(CodedInputStream input, ProtoKind kind) => kind switch
    {
        ProtoKind.Int32 => input.ReadInt32(),
        ProtoKind.Int64 => input.ReadInt64(),
        _ => input.ReadBool(),
    };

    private static void SetOrAppend(JsonObject target, ProtoField field, JsonNode value)
    {
        if (!field.Repeated)
        {
            target[field.Name] = value;
            return;
        }

        if (target[field.Name] is not JsonArray list)
        {
            list = [];
            target[field.Name] = list;
        }

        list.Add(value);
    }

    private static (string Key, JsonNode? Value) DecodeMapEntry(byte[] data, ProtoKind kind)
    {
        var key = string.Empty;
        JsonNode? value = string.Empty;
        var input = new CodedInputStream(data);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    key = ReadString(input, tag, "map key");
                    break;
                case 2:
                    var bytes = ReadLengthDelimited(input, tag, "map value");
                    value = kind switch
                    {
                        ProtoKind.StringMap => System.Text.Encoding.UTF8.GetString(bytes),
                        ProtoKind.BytesMap => Convert.ToBase64String(bytes),
                        _ => DecodeQuantity(bytes),
                    };
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return (key, value);
    }

    private static JsonNode DecodeIntOrString(byte[] data)
    {
        long type = 0;
        var intValue = 0;
        var stringValue = string.Empty;
        var input = new CodedInputStream(data);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    type = input.ReadInt64();
                    break;
                case 2:
                    intValue = input.ReadInt32();
                    break;
                case 3:
                    stringValue = ReadString(input, tag, "IntOrString.strVal");
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return type == 1 ? JsonValue.Create(stringValue) : JsonValue.Create(intValue);
    }

    private static JsonNode DecodeQuantity(byte[] data)
    {
        var text = string.Empty;
        var input = new CodedInputStream(data);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 1)
            {
                text = ReadString(input, tag, "Quantity.string");
            }
            else
            {
                input.SkipLastField();
            }
        }

        return text;
    }

    private static JsonNode? DecodeTime(byte[] data)
    {
        long seconds = 0;
        var input = new CodedInputStream(data);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 1)
            {
                seconds = input.ReadInt64();
            }
            else
            {
                input.SkipLastField();
            }
        }

        if (seconds == 0)
        {
            return null;
        }

        // metav1.Time is second precision in JSON.
        return DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    private static JsonNode? DecodeRawJson(byte[] data)
    {
        var input = new CodedInputStream(data);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 1)
            {
                var raw = ReadLengthDelimited(input, tag, "raw");
                return raw.Length == 0 ? new JsonObject() : JsonNode.Parse(raw);
            }

            input.SkipLastField();
        }

        return new JsonObject();
    }

    private static byte[] ReadLengthDelimited(CodedInputStream input, uint tag, string where)
    {
        if (WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited)
        {
            throw new FormatException($"{where}: expected a length-delimited field, got wire type {WireFormat.GetTagWireType(tag)}");
        }

        return input.ReadBytes().ToByteArray();
    }

    private static string ReadString(CodedInputStream input, uint tag, string where)
    {
        if (WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited)
        {
            throw new FormatException($"{where}: expected a length-delimited field, got wire type {WireFormat.GetTagWireType(tag)}");
        }

        return input.ReadString();
    }
}
