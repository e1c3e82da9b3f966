using System.Globalization;
using System.Text.Json.Nodes;

namespace Actors.Gateway.Errors;

/// <summary>
/// One validation failure, worded as apimachinery's <c>field.Error</c>:
/// <c>spec.replicas: Invalid value: -1: must be greater than or equal to 0</c>.
/// </summary>
/// <param name="Value">The offending value (strings are quoted in the message); ignored by types that do not show it.</param>
internal sealed record FieldError(FieldErrorType Type, string Field, JsonNode? Value = null, string Detail = "")
{
    public static FieldError Required(string field, string detail = "") => new(FieldErrorType.Required, field, null, detail);

    public static FieldError Invalid(string field, JsonNode? value, string detail) => new(FieldErrorType.Invalid, field, value, detail);

    public static FieldError NotSupported(string field, JsonNode? value, IEnumerable<string> supported) =>
        new(FieldErrorType.NotSupported, field, value, "supported values: " + string.Join(", ", supported.Select(s => $"\"{s}\"")));

    public static FieldError Forbidden(string field, string detail) => new(FieldErrorType.Forbidden, field, null, detail);

    public static FieldError Duplicate(string field, JsonNode? value) => new(FieldErrorType.Duplicate, field, value);

    /// <summary>The Status cause reason (<c>FieldValueInvalid</c>, …).</summary>
    public string Reason => "FieldValue" + Type;

    /// <summary>The message without the field prefix, as it appears in <c>details.causes[].message</c>.</summary>
    public string Body
    {
        get
        {
            var text = Type switch
            {
                FieldErrorType.Required => "Required value",
                FieldErrorType.Invalid => "Invalid value: " + FormatValue(Value),
                FieldErrorType.NotFound => "Not found: " + FormatValue(Value),
                FieldErrorType.Duplicate => "Duplicate value: " + FormatValue(Value),
                FieldErrorType.NotSupported => "Unsupported value: " + FormatValue(Value),
                FieldErrorType.Forbidden => "Forbidden",
                FieldErrorType.TooLong => "Too long",
                _ => Type.ToString(),
            };
            return Detail.Length == 0 ? text : $"{text}: {Detail}";
        }
    }

    public override string ToString() => Field.Length == 0 ? Body : $"{Field}: {Body}";

    /// <summary>Go's <c>%#v</c>-like rendering used by field errors: strings quoted, numbers and booleans bare.</summary>
    internal static string FormatValue(JsonNode? value)
    {
        if (value is null)
        {
            return "null";
        }

        if (value is JsonValue scalar)
        {
            if (scalar.TryGetValue(out string? s))
            {
                return KubeJson.Quote(s);
            }

            if (scalar.TryGetValue(out bool b))
            {
                return b ? "true" : "false";
            }

            if (scalar.TryGetValue(out double d))
            {
                return d.ToString(CultureInfo.InvariantCulture);
            }
        }

        return value.ToJsonString();
    }
}
