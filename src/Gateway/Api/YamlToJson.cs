using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Actors.Gateway.Api;

/// <summary>
/// Converts one YAML document to JSON with the YAML 1.2 core schema for plain scalars (numbers, booleans, null), as
/// Kubernetes' sigs.k8s.io/yaml does; quoted scalars stay strings.
/// </summary>
internal static class YamlToJson
{
    /// <exception cref="FormatException">The text is not a single YAML document.</exception>
    public static JsonNode? Convert(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new FormatException($"error converting YAML to JSON: {e.Message}", e);
        }
        return stream.Documents.Count switch
        {
            0 => null,
            1 => Node(stream.Documents[0].RootNode),
            _ => throw new FormatException("error converting YAML to JSON: expected one document, got " + stream.Documents.Count),
        };
    }

    private static JsonNode? Node(YamlNode node) => node switch
    {
        YamlMappingNode map => Map(map),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Node).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new FormatException($"error converting YAML to JSON: unsupported node at {node.Start}"),
    };

    private static JsonObject Map(YamlMappingNode map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                throw new FormatException($"error converting YAML to JSON: map keys must be scalars at {key.Start}");
            }
            obj[name] = Node(value);
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
