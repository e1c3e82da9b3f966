using System.Globalization;
using System.Text;

namespace Actors.Grains.Abstractions.Validation;

/// <summary>Collects field errors worded as Kubernetes' <c>field.Error</c>.</summary>
internal sealed class FieldErrors
{
    private readonly List<ValidationCause> _causes = [];

    public int Count => _causes.Count;

    public ValidationResult ToResult() => _causes.Count == 0 ? ValidationResult.Valid : new ValidationResult(_causes.ToArray());

    public void Required(string field, string detail = "") =>
        Add(ValidationReasons.Required, "Required value" + Detail(detail), field);

    public void Invalid(string field, object? value, string detail) =>
        Add(ValidationReasons.Invalid, "Invalid value: " + FormatValue(value) + Detail(detail), field);

    public void Duplicate(string field, object? value) =>
        Add(ValidationReasons.Duplicate, "Duplicate value: " + FormatValue(value), field);

    public void NotSupported(string field, object? value, params string[] supported) =>
        Add(ValidationReasons.NotSupported, "Unsupported value: " + FormatValue(value) + ": supported values: " + string.Join(", ", supported.Select(s => FormatValue(s))), field);

    public void Forbidden(string field, string detail) =>
        Add(ValidationReasons.Forbidden, "Forbidden" + Detail(detail), field);

    public void TooLong(string field, int maxLength) =>
        Add(ValidationReasons.TooLong, $"Too long: must have at most {maxLength.ToString(CultureInfo.InvariantCulture)} bytes", field);

    public void NotFound(string field, object? value) =>
        Add(ValidationReasons.NotFound, "Not found: " + FormatValue(value), field);

    /// <summary>One Invalid cause per message a name rule returned.</summary>
    public void InvalidEach(string field, string value, IReadOnlyList<string> messages)
    {
        foreach (var message in messages)
        {
            Invalid(field, value, message);
        }
    }

    /// <summary>Go's <c>%q</c>-like quoting for strings, plain text for numbers and booleans.</summary>
    public static string FormatValue(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    private static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ': builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static string Detail(string detail) => detail.Length == 0 ? "" : ": " + detail;

    private void Add(string reason, string message, string field) => _causes.Add(new ValidationCause(reason, message, field));
}
