using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Actors.Gateway.Tests.Metrics;

/// <summary>
/// A strict reader of the Prometheus text format 0.0.4, written from the format's rules so that the tests do not
/// trust the formatter they check: names and label names by their grammar, only the three label escapes, TYPE
/// before a family's samples and at most once, a family's samples contiguous, histograms cumulative with a
/// <c>+Inf</c> bucket equal to <c>_count</c>.
/// </summary>
public static partial class ExpositionParser
{
    public static (IReadOnlyDictionary<string, string> Types, IReadOnlyList<ExpositionSample> Samples) Parse(string text)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = new List<ExpositionSample>();
        var closed = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith('#'))
            {
                var parts = line.Split(' ', 4);
                if (parts.Length >= 3 && parts[1] is "HELP" or "TYPE")
                {
                    Require(MetricName().IsMatch(parts[2]), lineNumber, $"bad metric name '{parts[2]}'");
                    if (parts[1] == "TYPE")
                    {
                        Require(parts.Length == 4 && parts[3] is "counter" or "gauge" or "histogram" or "summary" or "untyped", lineNumber, "bad TYPE");
                        Require(types.TryAdd(parts[2], parts[3]), lineNumber, $"second TYPE for {parts[2]}");
                        Require(!samples.Any(s => s.Family == parts[2]), lineNumber, $"TYPE for {parts[2]} after its samples");
                    }
                }
                continue;
            }
            var sample = ParseSample(line, lineNumber, types);
            if (sample.Family != current)
            {
                Require(current is null || closed.Add(current), lineNumber, "internal");
                Require(!closed.Contains(sample.Family), lineNumber, $"samples of {sample.Family} are not contiguous");
                current = sample.Family;
            }
            samples.Add(sample);
        }
        CheckHistograms(types, samples);
        return (types, samples);
    }

    private static ExpositionSample ParseSample(string line, int lineNumber, Dictionary<string, string> types)
    {
        var position = 0;
        while (position < line.Length && line[position] is not ('{' or ' '))
        {
            position++;
        }
        var name = line[..position];
        Require(MetricName().IsMatch(name), lineNumber, $"bad metric name '{name}'");
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (position < line.Length && line[position] == '{')
        {
            position++;
            while (line[position] != '}')
            {
                var equals = line.IndexOf('=', position);
                Require(equals > position, lineNumber, "label without '='");
                var labelName = line[position..equals];
                Require(LabelName().IsMatch(labelName), lineNumber, $"bad label name '{labelName}'");
                Require(line[equals + 1] == '"', lineNumber, "label value not quoted");
                position = equals + 2;
                var value = new StringBuilder();
                while (line[position] != '"')
                {
                    if (line[position] == '\\')
                    {
                        position++;
                        value.Append(line[position] switch
                        {
                            '\\' => '\\',
                            '"' => '"',
                            'n' => '\n',
                            var other => throw new FormatException($"line {lineNumber}: bad escape \\{other}"),
                        });
                    }
                    else
                    {
                        value.Append(line[position]);
                    }
                    position++;
                }
                Require(labels.TryAdd(labelName, value.ToString()), lineNumber, $"label {labelName} twice");
                position++;
                if (line[position] == ',')
                {
                    position++;
                }
            }
            position++;
        }
        Require(position < line.Length && line[position] == ' ', lineNumber, "no space before the value");
        var fields = line[(position + 1)..].Split(' ');
        Require(fields.Length is 1 or 2, lineNumber, "value must be followed by at most a timestamp");
        var parsed = fields[0] switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            var number => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new ExpositionSample(name, labels, parsed, FamilyOf(name, types));
    }

    private static string FamilyOf(string name, Dictionary<string, string> types)
    {
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && types.GetValueOrDefault(name[..^suffix.Length]) == "histogram")
            {
                return name[..^suffix.Length];
            }
        }
        return name;
    }

    private static void CheckHistograms(Dictionary<string, string> types, List<ExpositionSample> samples)
    {
        foreach (var family in types.Where(t => t.Value == "histogram").Select(t => t.Key))
        {
            var series = samples.Where(s => s.Family == family)
                .GroupBy(s => string.Join(",", s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")));
            foreach (var one in series)
            {
                var buckets = one.Where(s => s.Name == family + "_bucket").ToArray();
                Require(buckets.Length > 0 && buckets.All(b => b.Labels.ContainsKey("le")), 0, $"{family} has no buckets with le");
                Require(buckets[^1].Labels["le"] == "+Inf", 0, $"{family}'s last bucket is not +Inf");
                for (var i = 1; i < buckets.Length; i++)
                {
                    Require(buckets[i].Value >= buckets[i - 1].Value, 0, $"{family}'s buckets are not cumulative");
                }
                var count = one.Single(s => s.Name == family + "_count").Value;
                Require(count == buckets[^1].Value, 0, $"{family}'s +Inf bucket differs from _count");
                Require(one.Count(s => s.Name == family + "_sum") == 1, 0, $"{family} has no single _sum");
            }
        }
    }

    private static void Require(bool condition, int line, string message)
    {
        if (!condition)
        {
            throw new FormatException($"line {line}: {message}");
        }
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();
}
