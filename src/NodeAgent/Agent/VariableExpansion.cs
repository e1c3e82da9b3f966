using System.Text;

namespace Actors.NodeAgent.Agent;

/// <summary>
/// Kubernetes' <c>$(VAR_NAME)</c> references in env values, command and args: a defined variable is replaced by its
/// value, an undefined one is left as written, <c>$$</c> is a literal <c>$</c> (so <c>$$(VAR)</c> stays
/// <c>$(VAR)</c>), and any other <c>$</c> is kept as it is.
/// </summary>
public static class VariableExpansion
{
    public static string Expand(string input, IReadOnlyDictionary<string, string> variables)
    {
        if (!input.Contains('$'))
        {
            return input;
        }
        var output = new StringBuilder(input.Length);
        var i = 0;
        while (i < input.Length)
        {
            if (input[i] != '$' || i + 1 == input.Length)
            {
                output.Append(input[i++]);
                continue;
            }
            var next = input[i + 1];
            if (next == '$')
            {
                output.Append('$');
                i += 2;
            }
            else if (next == '(' && input.IndexOf(')', i + 2) is var close and >= 0)
            {
                var name = input[(i + 2)..close];
                output.Append(variables.TryGetValue(name, out var value) ? value : input[i..(close + 1)]);
                i = close + 1;
            }
            else
            {
                // A '$' that starts no reference (or one never closed) is literal; the next character is read afresh.
                output.Append('$');
                i++;
            }
        }
        return output.ToString();
    }
}
