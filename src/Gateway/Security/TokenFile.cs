using System.Text;

namespace Actors.Gateway.Security;

/// <summary>
/// Parses Kubernetes' <c>--token-auth-file</c> CSV: <c>token,user,uid,"group1,group2"</c>. Fields may be quoted (with
/// <c>""</c> for a quote); blank lines and <c>#</c> comments are skipped; bad lines are reported, not fatal.
/// </summary>
internal static class TokenFile
{
    public static TokenFileParseResult Parse(string text)
    {
        var entries = new Dictionary<string, TokenEntry>(StringComparer.Ordinal);
        var errors = new List<string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var fields = SplitCsv(line);
            if (fields is null)
            {
                errors.Add($"line {lineNumber}: unterminated quoted field");
                continue;
            }

            if (fields.Count < 3)
            {
                errors.Add($"line {lineNumber}: must have at least 3 columns (token, user name, user uid), found {fields.Count}");
                continue;
            }

            var (token, name, uid) = (fields[0].Trim(), fields[1].Trim(), fields[2].Trim());
            if (token.Length == 0 || name.Length == 0)
            {
                errors.Add($"line {lineNumber}: {(token.Length == 0 ? "the token" : "the user name")} is empty");
                continue;
            }

            if (entries.ContainsKey(token))
            {
                errors.Add($"line {lineNumber}: duplicate token (the later line wins)");
            }

            var groups = fields.Count > 3
                ? fields[3].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList()
                : [];
            entries[token] = new TokenEntry(token, new UserInfo(name, uid, groups), lineNumber);
        }

        return new TokenFileParseResult(entries.Values.OrderBy(e => e.LineNumber).ToList(), errors);
    }

    // RFC 4180 fields of one line; null when a quote is left open.
    private static List<string>? SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    current.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            return null;
        }

        fields.Add(current.ToString());
        return fields;
    }
}
