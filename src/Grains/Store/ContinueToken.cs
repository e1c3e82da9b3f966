using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Actors.Grains.Store;

/// <summary>
/// The opaque continue token of a paged list: the revision the first page was read at and the last key returned,
/// as base64url JSON. Later pages read at that revision after that key.
/// </summary>
internal sealed record ContinueToken(long Revision, string Namespace, string Name)
{
    public string Encode()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["rv"] = Revision,
            ["ns"] = Namespace,
            ["name"] = Name,
        });
        return Base64Url.EncodeToString(json);
    }

    public static ContinueToken Decode(string token)
    {
        try
        {
            var json = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var revision = root.GetProperty("rv").GetInt64();
            var ns = root.GetProperty("ns").GetString();
            var name = root.GetProperty("name").GetString();
            if (revision < 1 || ns is null || string.IsNullOrEmpty(name))
            {
                throw new FormatException("incomplete token");
            }
            return new ContinueToken(revision, ns, name);
        }
        catch (Exception exception) when (exception is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ArgumentException($"continue token '{token}' is malformed", nameof(token), exception);
        }
    }
}
