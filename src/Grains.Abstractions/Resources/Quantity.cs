using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace Actors.Grains.Abstractions.Resources;

/// <summary>
/// A Kubernetes <c>resource.Quantity</c> (<c>100m</c>, <c>0.5</c>, <c>128Mi</c>, <c>1e3</c>). The value is exact to the
/// nano (finer values round away from zero, as Kubernetes does) and prints in Kubernetes' canonical form
/// (<c>0.5</c> → <c>500m</c>, <c>1024Mi</c> → <c>1Gi</c>, <c>1000</c> → <c>1k</c>).
/// </summary>
[JsonConverter(typeof(QuantityConverter))]
public readonly struct Quantity : IEquatable<Quantity>, IComparable<Quantity>
{
    /// <summary>The message Kubernetes gives for text that is not a quantity.</summary>
    public const string FormatErrorMessage =
        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    private static readonly string[] BinarySuffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    public Quantity(decimal value, QuantityFormat format = QuantityFormat.DecimalSI)
    {
        Value = RoundUpToNano(value);
        Format = format;
    }

    /// <summary>The exact value.</summary>
    public decimal Value { get; }

    /// <summary>The printing format.</summary>
    public QuantityFormat Format { get; }

    public bool IsZero => Value == 0;

    /// <summary>The value rounded up to an integer (Kubernetes' <c>Value()</c>); for memory, the bytes.</summary>
    public long IntegerValue => (long)Math.Ceiling(Value);

    /// <summary>The value in thousandths rounded up (Kubernetes' <c>MilliValue()</c>); for CPU, millicores.</summary>
    public long MilliValue => (long)Math.Ceiling(Value * 1000m);

    public static Quantity FromMilli(long milli) => new(milli / 1000m, QuantityFormat.DecimalSI);

    public static Quantity FromBytes(long bytes) => new(bytes, QuantityFormat.BinarySI);

    public static bool operator ==(Quantity left, Quantity right) => left.Equals(right);

    public static bool operator !=(Quantity left, Quantity right) => !left.Equals(right);

    public static bool operator <(Quantity left, Quantity right) => left.CompareTo(right) < 0;

    public static bool operator >(Quantity left, Quantity right) => left.CompareTo(right) > 0;

    public static bool operator <=(Quantity left, Quantity right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Quantity left, Quantity right) => left.CompareTo(right) >= 0;

    public static Quantity operator +(Quantity left, Quantity right) => left.Add(right);

    public static Quantity operator -(Quantity left, Quantity right) => left.Subtract(right);

    /// <summary>Parses a quantity.</summary>
    /// <exception cref="FormatException">The text is not a quantity; the message is Kubernetes'.</exception>
    public static Quantity Parse(string text)
    {
        if (!TryParse(text, out var quantity, out var error))
        {
            throw new FormatException(error);
        }

        return quantity;
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out Quantity quantity) => TryParse(text, out quantity, out _);

    public static bool TryParse(string? text, out Quantity quantity, [NotNullWhen(false)] out string? error)
    {
        quantity = default;
        error = FormatErrorMessage;
        if (text is null)
        {
            return false;
        }

        var s = text.Trim();
        var i = 0;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            i++;
        }

        var numberStart = i;
        var digits = 0;
        var dots = 0;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
        {
            if (s[i] == '.')
            {
                dots++;
            }
            else
            {
                digits++;
            }

            i++;
        }

        if (digits == 0 || dots > 1)
        {
            return false;
        }

        var numberText = s[..i];
        if (numberText.EndsWith('.'))
        {
            numberText += "0";
        }

        if (numberText[numberStart] == '.')
        {
            numberText = numberText.Insert(numberStart, "0");
        }

        if (!TryParseSuffix(s[i..], out var format, out var base2Power, out var exponent))
        {
            return false;
        }

        try
        {
            var value = decimal.Parse(numberText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            if (base2Power > 0)
            {
                value *= 1L << base2Power;
            }

            value = ApplyPowerOfTen(value, exponent);
            quantity = new Quantity(value, format);
            error = null;
            return true;
        }
        catch (OverflowException)
        {
            error = "quantity is too large";
            return false;
        }
    }

    public Quantity Add(Quantity other) => new(Value + other.Value, IsZero && Format == QuantityFormat.DecimalSI ? other.Format : Format);

    public Quantity Subtract(Quantity other) => new(Value - other.Value, Format);

    public int CompareTo(Quantity other) => Value.CompareTo(other.Value);

    public bool Equals(Quantity other) => Value == other.Value;

    public override bool Equals(object? obj) => obj is Quantity other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>The canonical form Kubernetes prints.</summary>
    public override string ToString()
    {
        if (Value == 0)
        {
            return "0";
        }

        var format = Format;
        if (format == QuantityFormat.BinarySI && (Math.Abs(Value) < 1024 || decimal.Truncate(Value) != Value))
        {
            // Small or fractional binary values would need rounding, so Kubernetes prints them in decimal.
            format = QuantityFormat.DecimalSI;
        }

        var builder = new StringBuilder();
        if (Value < 0)
        {
            builder.Append('-');
        }

        var magnitude = Math.Abs(Value);
        if (format == QuantityFormat.BinarySI)
        {
            var power = 0;
            while (power < BinarySuffixes.Length - 1 && magnitude % 1024 == 0)
            {
                magnitude /= 1024;
                power++;
            }

            return builder.Append(magnitude.ToString("0", CultureInfo.InvariantCulture)).Append(BinarySuffixes[power]).ToString();
        }

        var (mantissa, exponent) = CanonicalDecimal(magnitude);
        builder.Append(mantissa.ToString("0", CultureInfo.InvariantCulture));
        if (format == QuantityFormat.DecimalExponent)
        {
            if (exponent != 0)
            {
                builder.Append('e').Append(exponent.ToString(CultureInfo.InvariantCulture));
            }
        }
        else
        {
            builder.Append(DecimalSuffix(exponent));
        }

        return builder.ToString();
    }

    private static (decimal Mantissa, int Exponent) CanonicalDecimal(decimal magnitude)
    {
        // An integer mantissa with the largest exponent that is a multiple of 3, between -9 and 18.
        int scale = magnitude.Scale;
        var mantissa = magnitude;
        for (var k = 0; k < scale; k++)
        {
            mantissa *= 10;
        }

        mantissa = decimal.Truncate(mantissa);
        var exponent = -scale;
        while (mantissa != 0 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            exponent++;
        }

        var remainder = ((exponent % 3) + 3) % 3;
        for (var k = 0; k < remainder; k++)
        {
            mantissa *= 10;
        }

        exponent -= remainder;
        while (exponent > 18)
        {
            mantissa *= 1000;
            exponent -= 3;
        }

        return (decimal.Truncate(mantissa), exponent);
    }

    private static string DecimalSuffix(int exponent) => exponent switch
    {
        -9 => "n",
        -6 => "u",
        -3 => "m",
        3 => "k",
        6 => "M",
        9 => "G",
        12 => "T",
        15 => "P",
        18 => "E",
        _ => "",
    };

    private static bool TryParseSuffix(string suffix, out QuantityFormat format, out int base2Power, out int exponent)
    {
        format = QuantityFormat.DecimalSI;
        base2Power = 0;
        exponent = 0;
        switch (suffix)
        {
            case "":
                return true;
            case "Ki": format = QuantityFormat.BinarySI; base2Power = 10; return true;
            case "Mi": format = QuantityFormat.BinarySI; base2Power = 20; return true;
            case "Gi": format = QuantityFormat.BinarySI; base2Power = 30; return true;
            case "Ti": format = QuantityFormat.BinarySI; base2Power = 40; return true;
            case "Pi": format = QuantityFormat.BinarySI; base2Power = 50; return true;
            case "Ei": format = QuantityFormat.BinarySI; base2Power = 60; return true;
            case "n": exponent = -9; return true;
            case "u": exponent = -6; return true;
            case "m": exponent = -3; return true;
            case "k": exponent = 3; return true;
            case "M": exponent = 6; return true;
            case "G": exponent = 9; return true;
            case "T": exponent = 12; return true;
            case "P": exponent = 15; return true;
            case "E": exponent = 18; return true;
        }

        if (suffix.Length >= 2 && (suffix[0] == 'e' || suffix[0] == 'E')
            && int.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)
            && suffix[1..].All(c => char.IsAsciiDigit(c) || c == '+' || c == '-'))
        {
            format = QuantityFormat.DecimalExponent;
            return exponent is >= -40 and <= 40;
        }

        return false;
    }

    private static decimal ApplyPowerOfTen(decimal value, int exponent)
    {
        for (var k = 0; k < exponent; k++)
        {
            value *= 10;
        }

        for (var k = 0; k > exponent; k--)
        {
            if (value != 0 && Math.Abs(value) < 1e-20m)
            {
                // Far below a nano: rounds up to one nano either way, without losing the sign to underflow.
                return value > 0 ? 1e-9m : -1e-9m;
            }

            value /= 10;
        }

        return value;
    }

    private static decimal RoundUpToNano(decimal value)
    {
        if (value.Scale <= 9)
        {
            return value;
        }

        var nanos = value * 1_000_000_000m;
        nanos = value > 0 ? Math.Ceiling(nanos) : Math.Floor(nanos);
        return nanos / 1_000_000_000m;
    }
}
