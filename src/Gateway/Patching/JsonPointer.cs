namespace Actors.Gateway.Patching;

/// <summary>RFC 6901 JSON pointer parsing: <c>""</c> is the whole document, <c>~1</c> is <c>/</c>, <c>~0</c> is <c>~</c>.</summary>
internal static class JsonPointer
{
    /// <summary>Splits a pointer into unescaped reference tokens, or returns null when it is malformed.</summary>
    public static IReadOnlyList<string>? Parse(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            return null;
        }

        var tokens = new List<string>();
        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = Unescape(raw);
            if (token is null)
            {
                return null;
            }

            tokens.Add(token);
        }

        return tokens;
    }

    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>An array index token: decimal digits without a leading zero (RFC 6901 §4).</summary>
    public static bool TryParseIndex(string token, out int index)
    {
        index = -1;
        if (token.Length == 0 || (token.Length > 1 && token[0] == '0') || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        return int.TryParse(token, out index);
    }

    private static string? Unescape(string raw)
    {
        if (!raw.Contains('~'))
        {
            return raw;
        }

        var builder = new System.Text.StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '~')
            {
                builder.Append(raw[i]);
                continue;
            }

            if (i + 1 >= raw.Length || (raw[i + 1] != '0' && raw[i + 1] != '1'))
            {
                return null;
            }

            builder.Append(raw[i + 1] == '0' ? '~' : '/');
            i++;
        }

        return builder.ToString();
    }
}
