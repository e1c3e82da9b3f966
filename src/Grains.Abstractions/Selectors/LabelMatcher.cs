using Actors.Grains.Abstractions.Resources;
using Actors.Grains.Abstractions.Validation;

namespace Actors.Grains.Abstractions.Selectors;

/// <summary>
/// A parsed label selector: the string form (<c>a=b,c!=d,e in (x,y),f notin (z),g,!h</c>) or a
/// <see cref="LabelSelector"/> object. All requirements must hold (AND).
/// </summary>
public sealed class LabelMatcher
{
    private LabelMatcher(IReadOnlyList<LabelRequirement> requirements, bool matchesNothing)
    {
        Requirements = requirements;
        MatchesNothing = matchesNothing;
    }

    /// <summary>Matches every object (the empty selector).</summary>
    public static LabelMatcher Everything { get; } = new([], matchesNothing: false);

    /// <summary>Matches no object (a null <see cref="LabelSelector"/>).</summary>
    public static LabelMatcher Nothing { get; } = new([], matchesNothing: true);

    /// <summary>The requirements, sorted by key.</summary>
    public IReadOnlyList<LabelRequirement> Requirements { get; }

    public bool MatchesNothing { get; }

    public bool IsEverything => !MatchesNothing && Requirements.Count == 0;

    /// <summary>Parses the string form.</summary>
    /// <exception cref="LabelSelectorParseException">The selector is malformed; the message says where.</exception>
    public static LabelMatcher Parse(string? selector) => new LabelSelectorParser(selector ?? "").Parse();

    public static bool TryParse(string? selector, out LabelMatcher matcher, out string? error)
    {
        try
        {
            matcher = Parse(selector);
            error = null;
            return true;
        }
        catch (LabelSelectorParseException e)
        {
            matcher = Nothing;
            error = e.Message;
            return false;
        }
    }

    /// <summary>Converts a LabelSelector object: null matches nothing, empty matches everything.</summary>
    /// <exception cref="LabelSelectorParseException">An expression has an unknown operator or a bad value set.</exception>
    public static LabelMatcher FromLabelSelector(LabelSelector? selector)
    {
        if (selector is null)
        {
            return Nothing;
        }

        var requirements = new List<LabelRequirement>();
        foreach (var (key, value) in selector.MatchLabels ?? [])
        {
            requirements.Add(Create(key, SelectorOperator.Equals, [value]));
        }

        foreach (var expression in selector.MatchExpressions ?? [])
        {
            var op = expression.Operator switch
            {
                "In" => SelectorOperator.In,
                "NotIn" => SelectorOperator.NotIn,
                "Exists" => SelectorOperator.Exists,
                "DoesNotExist" => SelectorOperator.DoesNotExist,
                _ => throw new LabelSelectorParseException($"\"{expression.Operator}\" is not a valid label selector operator"),
            };
            requirements.Add(Create(expression.Key ?? "", op, expression.Values ?? []));
        }

        return FromRequirements(requirements);
    }

    /// <summary>Converts node-affinity requirements (In, NotIn, Exists, DoesNotExist, Gt, Lt).</summary>
    public static LabelMatcher FromNodeSelectorRequirements(IEnumerable<NodeSelectorRequirement>? requirements)
    {
        var result = new List<LabelRequirement>();
        foreach (var requirement in requirements ?? [])
        {
            var op = requirement.Operator switch
            {
                "In" => SelectorOperator.In,
                "NotIn" => SelectorOperator.NotIn,
                "Exists" => SelectorOperator.Exists,
                "DoesNotExist" => SelectorOperator.DoesNotExist,
                "Gt" => SelectorOperator.GreaterThan,
                "Lt" => SelectorOperator.LessThan,
                _ => throw new LabelSelectorParseException($"\"{requirement.Operator}\" is not a valid node selector operator"),
            };
            result.Add(Create(requirement.Key ?? "", op, requirement.Values ?? []));
        }

        return FromRequirements(result);
    }

    /// <summary>Builds a matcher from map labels, e.g. a Service selector or a nodeSelector (equality only).</summary>
    public static LabelMatcher FromMap(IReadOnlyDictionary<string, string>? labels) =>
        FromRequirements((labels ?? new Dictionary<string, string>()).Select(p => Create(p.Key, SelectorOperator.Equals, [p.Value])).ToList());

    /// <summary>Builds and validates one requirement.</summary>
    /// <exception cref="LabelSelectorParseException">Bad key, value or value count.</exception>
    public static LabelRequirement Create(string key, SelectorOperator op, IEnumerable<string> values)
    {
        var keyErrors = NameRules.IsQualifiedName(key);
        if (keyErrors.Count > 0)
        {
            throw new LabelSelectorParseException($"invalid label key \"{key}\": {string.Join("; ", keyErrors)}");
        }

        var list = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        switch (op)
        {
            case SelectorOperator.Equals or SelectorOperator.NotEquals when list.Count != 1:
                throw new LabelSelectorParseException($"values: Invalid value: {list.Count}: exact-match compatibility requires one single value");
            case SelectorOperator.In or SelectorOperator.NotIn when list.Count == 0:
                throw new LabelSelectorParseException("values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty");
            case SelectorOperator.Exists or SelectorOperator.DoesNotExist when list.Count != 0:
                throw new LabelSelectorParseException("values: Invalid value: [" + string.Join(",", list) + "]: values set must be empty for exists and does not exist");
            case SelectorOperator.GreaterThan or SelectorOperator.LessThan when list.Count != 1 || !long.TryParse(list[0], out _):
                throw new LabelSelectorParseException("values: Invalid value: [" + string.Join(",", list) + "]: for 'Gt', 'Lt' operators, exactly one integer value is required");
        }

        if (op is not (SelectorOperator.GreaterThan or SelectorOperator.LessThan))
        {
            foreach (var value in list)
            {
                var valueErrors = NameRules.IsLabelValue(value);
                if (valueErrors.Count > 0)
                {
                    throw new LabelSelectorParseException($"invalid label value: \"{value}\": at key: \"{key}\": {string.Join("; ", valueErrors)}");
                }
            }
        }

        return new LabelRequirement(key, op, list);
    }

    internal static LabelMatcher FromRequirements(List<LabelRequirement> requirements) =>
        requirements.Count == 0 ? Everything : new LabelMatcher(requirements.OrderBy(r => r.Key, StringComparer.Ordinal).ToList(), matchesNothing: false);

    public bool Matches(IReadOnlyDictionary<string, string>? labels)
    {
        if (MatchesNothing)
        {
            return false;
        }

        foreach (var requirement in Requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The canonical string form, requirements sorted by key; empty for everything.</summary>
    public override string ToString() => string.Join(",", Requirements);
}
