using System.Security.Cryptography;

namespace Actors.Grains.Store;

/// <summary>
/// The AES-256 key Secrets are encrypted with at rest. Its name is a fingerprint of the key itself, written into
/// every ciphertext, so a reader can tell which key sealed a row (and a future rotation can keep several).
/// </summary>
public sealed class SecretsKey
{
    public const int KeySizeBytes = 32;

    private readonly byte[] _bytes;

    private SecretsKey(byte[] bytes)
    {
        _bytes = bytes;
        Name = Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 4));
    }

    /// <summary>Eight hex digits derived from the key: names it in ciphertexts without revealing it.</summary>
    public string Name { get; }

    internal ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Reads a key file's text: the base64 of exactly 32 bytes, surrounding whitespace ignored.</summary>
    /// <exception cref="FormatException">The text is not base64 of 32 bytes.</exception>
    public static SecretsKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text.Trim(), buffer, out var length))
        {
            throw new FormatException("the key is not base64 text");
        }
        if (length != KeySizeBytes)
        {
            throw new FormatException($"the key is {length} bytes; it must be {KeySizeBytes} (base64 of 32 random bytes)");
        }
        return new SecretsKey(buffer[..length]);
    }

    /// <summary>The text of a new key file: 32 random bytes in base64.</summary>
    public static string NewKeyText() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeySizeBytes));
}
