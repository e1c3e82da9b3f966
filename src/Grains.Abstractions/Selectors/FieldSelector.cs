using System.Text;
using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Resources;

namespace Actors.Grains.Abstractions.Selectors;

/// <summary>
/// A parsed field selector (<c>spec.nodeName=n1,status.phase!=Failed</c>): comma means AND, operators <c>=</c>,
/// <c>==</c> and <c>!=</c>, values may be empty, and <c>\,</c> <c>\=</c> <c>\\</c> escape.
/// </summary>
public sealed class FieldSelector
{
    private FieldSelector(IReadOnlyList<FieldRequirement> requirements) => Requirements = requirements;

    public static FieldSelector Everything { get; } = new([]);

    public IReadOnlyList<FieldRequirement> Requirements { get; }

    public bool IsEverything => Requirements.Count == 0;

    /// <exception cref="LabelSelectorParseException">A term has no operator.</exception>
    public static FieldSelector Parse(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return Everything;
        }

        var requirements = new List<FieldRequirement>();
        foreach (var term in SplitUnescaped(selector))
        {
            if (term.Length == 0)
            {
                continue;
            }

            requirements.Add(ParseTerm(term, selector));
        }

        return new FieldSelector(requirements);
    }

    public static bool TryParse(string? selector, out FieldSelector fieldSelector, out string? error)
    {
        try
        {
            fieldSelector = Parse(selector);
            error = null;
            return true;
        }
        catch (LabelSelectorParseException e)
        {
            fieldSelector = Everything;
            error = e.Message;
            return false;
        }
    }

    /// <summary>Escapes a value for the string form.</summary>
    public static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal).Replace("=", "\\=", StringComparison.Ordinal);

    /// <summary>
    /// Null when every field is supported for <paramref name="kind"/>, else Kubernetes' 400 message
    /// <c>field label not supported: x</c>.
    /// </summary>
    public string? Validate(string kind)
    {
        foreach (var requirement in Requirements)
        {
            if (!SelectableFields.IsSupported(kind, requirement.Field))
            {
                return $"field label not supported: {requirement.Field}";
            }
        }

        return null;
    }

    /// <summary>Matches using a field lookup (unsupported fields read as the empty string).</summary>
    public bool Matches(Func<string, string?> fieldValue)
    {
        foreach (var requirement in Requirements)
        {
            if (!requirement.Matches(fieldValue(requirement.Field) ?? ""))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Matches a stored JSON document of the given kind.</summary>
    public bool Matches(string kind, JsonObject document) => Matches(field => SelectableFields.GetValue(kind, document, field));

    /// <summary>Matches a typed object.</summary>
    public bool Matches<T>(T obj)
        where T : KubernetesObject
    {
        if (IsEverything)
        {
            return true;
        }

        return Matches(obj.Kind ?? typeof(T).Name, KubernetesJson.SerializeToNode(obj));
    }

    public override string ToString() => string.Join(",", Requirements);

    private static IEnumerable<string> SplitUnescaped(string text)
    {
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                current.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else if (text[i] == ',')
            {
                yield return current.ToString();
                current.Clear();
            }
            else
            {
                current.Append(text[i]);
            }
        }

        yield return current.ToString();
    }

    private static FieldRequirement ParseTerm(string term, string whole)
    {
        for (var i = 0; i < term.Length; i++)
        {
            if (term[i] == '\\')
            {
                i++;
                continue;
            }

            var (length, negated) = term.AsSpan(i) switch
            {
                var s when s.StartsWith("!=") => (2, true),
                var s when s.StartsWith("==") => (2, false),
                var s when s.StartsWith("=") => (1, false),
                _ => (0, false),
            };
            if (length > 0)
            {
                var field = term[..i].Trim();
                return new FieldRequirement(field, negated, Unescape(term[(i + length)..], whole));
            }
        }

        throw new LabelSelectorParseException($"invalid selector: '{whole}'; can't understand '{term}'");
    }

    private static string Unescape(string value, string whole)
    {
        var result = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\')
            {
                result.Append(value[i]);
                continue;
            }

            if (i + 1 >= value.Length || value[i + 1] is not ('\\' or ',' or '='))
            {
                throw new LabelSelectorParseException($"invalid field selector: '{whole}': invalid escape sequence in '{value}'");
            }

            result.Append(value[i + 1]);
            i++;
        }

        return result.ToString();
    }
}
