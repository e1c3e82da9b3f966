namespace Actors.Grains.Abstractions.Resources;

/// <summary>How a <see cref="Quantity"/> is printed, chosen from the suffix it was parsed with.</summary>
public enum QuantityFormat
{
    /// <summary>Decimal SI suffixes: n, u, m, "", k, M, G, T, P, E.</summary>
    DecimalSI,

    /// <summary>Binary suffixes: Ki, Mi, Gi, Ti, Pi, Ei.</summary>
    BinarySI,

    /// <summary>Scientific notation: e3, E6.</summary>
    DecimalExponent,
}
