using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Actors.Gateway.Api;

/// <summary>
/// Converts YAML documents to JSON with the YAML 1.2 core schema for plain scalars (numbers, booleans, null), as
/// Kubernetes' sigs.k8s.io/yaml does; quoted scalars stay strings. Hostile documents are refused before they can
/// hurt: nesting deeper than JSON bodies may have (a recursive load would overflow the stack and kill the process)
/// and aliases that expand far beyond the text (go-yaml's "excessive aliasing" guard against billion laughs).
/// </summary>
internal static class YamlToJson
{
    /// <summary>The deepest nesting accepted, System.Text.Json's default for JSON bodies.</summary>
    public const int MaxDepth = 64;

    /// <exception cref="FormatException">The text is not a single YAML document, or a hostile one.</exception>
    public static JsonNode? Convert(string yaml)
    {
        var documents = ConvertAll(yaml);
        return documents.Count switch
        {
            0 => null,
            1 => documents[0],
            _ => throw new FormatException("error converting YAML to JSON: expected one document, got " + documents.Count),
        };
    }

    /// <summary>Every document of a YAML stream (documents separated by <c>---</c>) in order; an empty document is null.</summary>
    /// <exception cref="FormatException">The text is not YAML, or a hostile stream (the limits hold for the whole stream).</exception>
    public static IReadOnlyList<JsonNode?> ConvertAll(string yaml)
    {
        var stream = new YamlStream();
        int events;
        try
        {
            events = CheckNesting(yaml);
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new FormatException($"error converting YAML to JSON: {e.Message}", e);
        }
        // Every node of a document without aliases is at least one parser event; aliases may repeat a little.
        var budget = new NodeBudget(4L * events + 10_000);
        return stream.Documents.Select(document => Node(document.RootNode, budget)).ToList();
    }

    /// <summary>Walks the parser's events (iteratively) and refuses nesting beyond <see cref="MaxDepth"/>; the number of events.</summary>
    private static int CheckNesting(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        var events = 0;
        while (parser.MoveNext())
        {
            events++;
            switch (parser.Current)
            {
                case MappingStart or SequenceStart when ++depth > MaxDepth:
                    throw new FormatException($"error converting YAML to JSON: nesting deeper than {MaxDepth} levels at {parser.Current.Start}");
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }
        }
        return events;
    }

    private sealed class NodeBudget(long nodes)
    {
        public void Spend()
        {
            if (--nodes < 0)
            {
                throw new FormatException("error converting YAML to JSON: yaml: document contains excessive aliasing");
            }
        }
    }

    private static JsonNode? Node(YamlNode node, NodeBudget budget)
    {
        budget.Spend();
        return node switch
        {
            YamlMappingNode map => Map(map, budget),
            YamlSequenceNode seq => new JsonArray(seq.Children.Select(child => Node(child, budget)).ToArray()),
            YamlScalarNode scalar => Scalar(scalar),
            _ => throw new FormatException($"error converting YAML to JSON: unsupported node at {node.Start}"),
        };
    }

    private static JsonObject Map(YamlMappingNode map, NodeBudget budget)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                throw new FormatException($"error converting YAML to JSON: map keys must be scalars at {key.Start}");
            }
            obj[name] = Node(value, budget);
        }
        return obj;
    }

    internal static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }
        if (text.Length > 0 && (char.IsDigit(text[0]) || text[0] is '-' or '+' or '.')
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
        {
            return JsonValue.Create(real);
        }
        return JsonValue.Create(text);
    }
}
