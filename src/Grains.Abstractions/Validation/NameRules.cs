using System.Text.RegularExpressions;

namespace Actors.Grains.Abstractions.Validation;

/// <summary>
/// Kubernetes' name and label syntax checks (apimachinery <c>validation.IsXxx</c>). Each returns the list of
/// problems with Kubernetes' wording; empty when valid.
/// </summary>
public static partial class NameRules
{
    public const int DnsLabelMaxLength = 63;
    public const int DnsSubdomainMaxLength = 253;
    public const int LabelValueMaxLength = 63;
    public const int QualifiedNameMaxLength = 63;

    private const string DnsLabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    private const string DnsSubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private const string Dns1035Message =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

    private const string QualifiedNamePartMessage =
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

    private const string QualifiedNameMessage =
        "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";

    private const string LabelValueMessage =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    private const string EnvVarNameMessage =
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

    private const string ConfigMapKeyMessage =
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

    public static IReadOnlyList<string> IsDnsLabel(string value)
    {
        var errors = new List<string>();
        if (value.Length > DnsLabelMaxLength)
        {
            errors.Add(MaxLength(DnsLabelMaxLength));
        }

        if (!DnsLabelRegex().IsMatch(value))
        {
            errors.Add(DnsLabelMessage);
        }

        return errors;
    }

    public static IReadOnlyList<string> IsDnsSubdomain(string value)
    {
        var errors = new List<string>();
        if (value.Length > DnsSubdomainMaxLength)
        {
            errors.Add(MaxLength(DnsSubdomainMaxLength));
        }

        if (!DnsSubdomainRegex().IsMatch(value))
        {
            errors.Add(DnsSubdomainMessage);
        }

        return errors;
    }

    public static IReadOnlyList<string> IsDns1035Label(string value)
    {
        var errors = new List<string>();
        if (value.Length > DnsLabelMaxLength)
        {
            errors.Add(MaxLength(DnsLabelMaxLength));
        }

        if (!Dns1035Regex().IsMatch(value))
        {
            errors.Add(Dns1035Message);
        }

        return errors;
    }

    /// <summary>A label or annotation key: an optional DNS subdomain prefix and '/', then a name part.</summary>
    public static IReadOnlyList<string> IsQualifiedName(string value)
    {
        var errors = new List<string>();
        var parts = value.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                name = parts[1];
                if (parts[0].Length == 0)
                {
                    errors.Add("prefix part must be non-empty");
                }
                else
                {
                    errors.AddRange(IsDnsSubdomain(parts[0]).Select(e => "prefix part " + e));
                }

                break;
            default:
                return [QualifiedNameMessage];
        }

        if (name.Length == 0)
        {
            errors.Add("name part must be non-empty");
        }
        else if (name.Length > QualifiedNameMaxLength)
        {
            errors.Add("name part " + MaxLength(QualifiedNameMaxLength));
        }

        if (name.Length > 0 && !QualifiedNamePartRegex().IsMatch(name))
        {
            errors.Add(QualifiedNamePartMessage);
        }

        return errors;
    }

    public static IReadOnlyList<string> IsLabelValue(string value)
    {
        var errors = new List<string>();
        if (value.Length > LabelValueMaxLength)
        {
            errors.Add(MaxLength(LabelValueMaxLength));
        }

        if (!LabelValueRegex().IsMatch(value))
        {
            errors.Add(LabelValueMessage);
        }

        return errors;
    }

    /// <summary>An IANA service name: a named port.</summary>
    public static IReadOnlyList<string> IsValidPortName(string value)
    {
        var errors = new List<string>();
        if (value.Length > 15)
        {
            errors.Add(MaxLength(15));
        }

        if (!PortNameCharsRegex().IsMatch(value))
        {
            errors.Add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }

        if (value.Contains("--", StringComparison.Ordinal))
        {
            errors.Add("must not contain consecutive hyphens");
        }

        if (!value.Any(char.IsAsciiLetter))
        {
            errors.Add("must contain at least one letter (a-z)");
        }

        if (value.StartsWith('-') || value.EndsWith('-'))
        {
            errors.Add("must not begin or end with a hyphen");
        }

        return errors;
    }

    public static IReadOnlyList<string> IsEnvVarName(string value) =>
        EnvVarNameRegex().IsMatch(value) ? [] : [EnvVarNameMessage];

    public static IReadOnlyList<string> IsConfigMapKey(string value)
    {
        var errors = new List<string>();
        if (value.Length > DnsSubdomainMaxLength)
        {
            errors.Add(MaxLength(DnsSubdomainMaxLength));
        }

        if (!ConfigMapKeyRegex().IsMatch(value))
        {
            errors.Add(ConfigMapKeyMessage);
        }

        if (value is "." or "..")
        {
            errors.Add($"must not be '{value}'");
        }
        else if (value.StartsWith("..", StringComparison.Ordinal))
        {
            errors.Add("must not start with '..'");
        }

        return errors;
    }

    private static string MaxLength(int length) => $"must be no more than {length} characters";

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?\z")]
    private static partial Regex DnsLabelRegex();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\z")]
    private static partial Regex DnsSubdomainRegex();

    [GeneratedRegex(@"^[a-z]([-a-z0-9]*[a-z0-9])?\z")]
    private static partial Regex Dns1035Regex();

    [GeneratedRegex(@"^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\z")]
    private static partial Regex QualifiedNamePartRegex();

    [GeneratedRegex(@"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\z")]
    private static partial Regex LabelValueRegex();

    [GeneratedRegex(@"^[-a-z0-9]+\z")]
    private static partial Regex PortNameCharsRegex();

    [GeneratedRegex(@"^[-._a-zA-Z][-._a-zA-Z0-9]*\z")]
    private static partial Regex EnvVarNameRegex();

    [GeneratedRegex(@"^[-._a-zA-Z0-9]+\z")]
    private static partial Regex ConfigMapKeyRegex();
}
