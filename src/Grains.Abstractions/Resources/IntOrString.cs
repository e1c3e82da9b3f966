using System.Globalization;
using System.Text.Json.Serialization;

namespace Actors.Grains.Abstractions.Resources;

/// <summary>
/// An <c>intstr.IntOrString</c>: keeps the JSON type the client sent (Kubernetes round-trips <c>80</c> and <c>"80"</c>
/// differently).
/// </summary>
[JsonConverter(typeof(IntOrStringConverter))]
public readonly struct IntOrString : IEquatable<IntOrString>
{
    private readonly string? _stringValue;

    public IntOrString(int value)
    {
        IntValue = value;
        _stringValue = null;
    }

    public IntOrString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        IntValue = 0;
        _stringValue = value;
    }

    /// <summary>True when the value is an integer (JSON number).</summary>
    public bool IsInt => _stringValue is null;

    /// <summary>The integer, 0 when the value is a string.</summary>
    public int IntValue { get; }

    /// <summary>The string, or the integer printed in decimal.</summary>
    public string StringValue => _stringValue ?? IntValue.ToString(CultureInfo.InvariantCulture);

    public static implicit operator IntOrString(int value) => new(value);

    public static implicit operator IntOrString(string value) => new(value);

    public static bool operator ==(IntOrString left, IntOrString right) => left.Equals(right);

    public static bool operator !=(IntOrString left, IntOrString right) => !left.Equals(right);

    /// <summary>
    /// Kubernetes' <c>GetScaledValueFromIntOrPercent</c>: an integer as is, or <c>"N%"</c> of <paramref name="total"/>,
    /// rounded up (maxSurge) or down (maxUnavailable).
    /// </summary>
    /// <exception cref="FormatException">The string is not a percentage.</exception>
    public static int GetScaledValueFromIntOrPercent(IntOrString? value, int total, bool roundUp)
    {
        if (!TryGetScaledValueFromIntOrPercent(value, total, roundUp, out var result, out var error))
        {
            throw new FormatException(error);
        }

        return result;
    }

    /// <summary>The non-throwing form of <see cref="GetScaledValueFromIntOrPercent"/>.</summary>
    public static bool TryGetScaledValueFromIntOrPercent(IntOrString? value, int total, bool roundUp, out int result, out string? error)
    {
        result = 0;
        error = null;
        if (value is null)
        {
            error = "nil value for IntOrString";
            return false;
        }

        var v = value.Value;
        if (v.IsInt)
        {
            result = v.IntValue;
            return true;
        }

        var s = v.StringValue;
        if (!s.EndsWith('%'))
        {
            error = $"invalid type: string is not a percentage";
            return false;
        }

        if (!int.TryParse(s.AsSpan(0, s.Length - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var percent))
        {
            error = $"invalid value for IntOrString: invalid value \"{s}\": not an integer percentage";
            return false;
        }

        var scaled = (long)percent * total;
        result = (int)(roundUp ? CeilingDivide(scaled, 100) : FloorDivide(scaled, 100));
        return true;
    }

    /// <summary>
    /// Kubernetes' <c>ResolveFenceposts</c>: maxSurge rounds up, maxUnavailable rounds down, and when both end up 0
    /// maxUnavailable becomes 1 so a rollout can always make progress.
    /// </summary>
    public static (int MaxSurge, int MaxUnavailable) ResolveFenceposts(IntOrString? maxSurge, IntOrString? maxUnavailable, int desired)
    {
        var surge = GetScaledValueFromIntOrPercent(maxSurge ?? new IntOrString(0), desired, roundUp: true);
        var unavailable = GetScaledValueFromIntOrPercent(maxUnavailable ?? new IntOrString(0), desired, roundUp: false);
        if (surge == 0 && unavailable == 0)
        {
            unavailable = 1;
        }

        return (surge, unavailable);
    }

    public bool Equals(IntOrString other) =>
        IsInt == other.IsInt && (IsInt ? IntValue == other.IntValue : _stringValue == other._stringValue);

    public override bool Equals(object? obj) => obj is IntOrString other && Equals(other);

    public override int GetHashCode() => IsInt ? IntValue.GetHashCode() : _stringValue!.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => StringValue;

    private static long CeilingDivide(long a, long b) => a >= 0 ? (a + b - 1) / b : a / b;

    private static long FloorDivide(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
