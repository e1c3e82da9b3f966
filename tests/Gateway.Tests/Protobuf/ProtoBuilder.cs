using Google.Protobuf;

namespace Actors.Gateway.Tests.Protobuf;

/// <summary>Hand-builds protobuf messages field by field, the way gogo-protobuf writes Kubernetes objects.</summary>
internal sealed class ProtoBuilder
{
    private readonly MemoryStream _stream = new();
    private readonly CodedOutputStream _output;

    public ProtoBuilder()
    {
        _output = new CodedOutputStream(_stream);
    }

    public ProtoBuilder Str(int field, string value)
    {
        _output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        _output.WriteString(value);
        return this;
    }

    public ProtoBuilder Varint(int field, long value)
    {
        _output.WriteTag(field, WireFormat.WireType.Varint);
        _output.WriteInt64(value);
        return this;
    }

    public ProtoBuilder Bytes(int field, byte[] value)
    {
        _output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        _output.WriteBytes(ByteString.CopyFrom(value));
        return this;
    }

    public ProtoBuilder Msg(int field, ProtoBuilder message) => Bytes(field, message.ToArray());

    public ProtoBuilder Entry(int field, string key, string value) => Msg(field, new ProtoBuilder().Str(1, key).Str(2, value));

    public byte[] ToArray()
    {
        _output.Flush();
        return _stream.ToArray();
    }

    /// <summary>The full request body: magic, then runtime.Unknown{typeMeta, raw, contentEncoding "", contentType ""}.</summary>
    public static byte[] Envelope(string apiVersion, string kind, ProtoBuilder raw)
    {
        var unknown = new ProtoBuilder()
            .Msg(1, new ProtoBuilder().Str(1, apiVersion).Str(2, kind))
            .Msg(2, raw)
            .Str(3, string.Empty)
            .Str(4, string.Empty)
            .ToArray();
        return [.. "k8s\0"u8.ToArray(), .. unknown];
    }

    /// <summary>ObjectMeta as gogo writes it for a new object: value-type fields present even when empty.</summary>
    public static ProtoBuilder Meta(string name, params (string Key, string Value)[] labels)
    {
        var meta = new ProtoBuilder().Str(1, name).Str(2, string.Empty).Str(3, string.Empty).Str(4, string.Empty)
            .Str(5, string.Empty).Str(6, string.Empty).Varint(7, 0).Msg(8, new ProtoBuilder());
        foreach (var (key, value) in labels)
        {
            meta.Entry(11, key, value);
        }

        return meta;
    }
}
