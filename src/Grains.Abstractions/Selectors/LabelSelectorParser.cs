namespace Actors.Grains.Abstractions.Selectors;

/// <summary>A recursive-descent parser for the label selector string form, after Kubernetes' lexer.</summary>
internal sealed class LabelSelectorParser(string input)
{
    private const string EndOfString = "";
    private readonly List<string> _tokens = Tokenize(input);
    private int _position;

    public LabelMatcher Parse()
    {
        var requirements = new List<LabelRequirement>();
        if (_tokens.Count == 0)
        {
            return LabelMatcher.Everything;
        }

        while (true)
        {
            requirements.Add(ParseRequirement());
            var next = Next();
            if (next == EndOfString)
            {
                return LabelMatcher.FromRequirements(requirements);
            }

            if (next != ",")
            {
                throw Error(next, "',' or 'end of string'");
            }
        }
    }

    private static bool IsSpecial(char c) => c is '=' or '!' or '(' or ')' or ',' or '<' or '>';

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '!' && i + 1 < text.Length && text[i + 1] == '=')
            {
                tokens.Add("!=");
                i += 2;
            }
            else if (c == '=' && i + 1 < text.Length && text[i + 1] == '=')
            {
                tokens.Add("==");
                i += 2;
            }
            else if (IsSpecial(c))
            {
                tokens.Add(c.ToString());
                i++;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && !IsSpecial(text[i]))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }

    private static bool IsIdentifier(string token) => token.Length > 0 && !IsSpecial(token[0]);

    private string Peek() => _position < _tokens.Count ? _tokens[_position] : EndOfString;

    private string Next() => _position < _tokens.Count ? _tokens[_position++] : EndOfString;

    private LabelRequirement ParseRequirement()
    {
        var token = Next();
        if (token == "!")
        {
            var negated = Next();
            return IsIdentifier(negated) ? LabelMatcher.Create(negated, SelectorOperator.DoesNotExist, []) : throw Error(negated, "identifier");
        }

        if (!IsIdentifier(token))
        {
            throw Error(token, "!, identifier");
        }

        var key = token;
        var op = Peek();
        if (op is EndOfString or ",")
        {
            return LabelMatcher.Create(key, SelectorOperator.Exists, []);
        }

        _position++;
        switch (op)
        {
            case "=" or "==":
                return LabelMatcher.Create(key, SelectorOperator.Equals, [ParseSingleValue()]);
            case "!=":
                return LabelMatcher.Create(key, SelectorOperator.NotEquals, [ParseSingleValue()]);
            case ">":
                return LabelMatcher.Create(key, SelectorOperator.GreaterThan, [ParseSingleValue()]);
            case "<":
                return LabelMatcher.Create(key, SelectorOperator.LessThan, [ParseSingleValue()]);
            case "in":
                return LabelMatcher.Create(key, SelectorOperator.In, ParseValueSet());
            case "notin":
                return LabelMatcher.Create(key, SelectorOperator.NotIn, ParseValueSet());
            default:
                throw Error(op, "in, notin, =, ==, !=, gt, lt");
        }
    }

    private string ParseSingleValue()
    {
        var token = Peek();
        if (token is EndOfString or ",")
        {
            return "";
        }

        if (!IsIdentifier(token))
        {
            throw Error(token, "identifier");
        }

        _position++;
        return token;
    }

    private List<string> ParseValueSet()
    {
        var open = Next();
        if (open != "(")
        {
            throw Error(open, "'('");
        }

        var values = new List<string>();
        while (true)
        {
            var token = Next();
            if (token == ")")
            {
                return values;
            }

            if (token == ",")
            {
                // An empty element between commas is the empty label value.
                values.Add("");
                continue;
            }

            if (!IsIdentifier(token))
            {
                throw Error(token, "identifier or ')'");
            }

            values.Add(token);
            var after = Next();
            if (after == ")")
            {
                return values;
            }

            if (after != ",")
            {
                throw Error(after, "',' or ')'");
            }
        }
    }

    private static LabelSelectorParseException Error(string found, string expected) =>
        new($"unable to parse requirement: found '{found}', expected: {expected}");
}
