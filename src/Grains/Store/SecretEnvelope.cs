using System.Security.Cryptography;
using System.Text;

namespace Actors.Grains.Store;

/// <summary>
/// Seals and opens a stored value with AES-256-GCM, as Kubernetes' aesgcm provider does:
/// <c>actors:enc:aesgcm:v1:&lt;key name&gt;:&lt;base64(nonce ‖ ciphertext ‖ tag)&gt;</c>. The versioned prefix
/// tells sealed values from legacy plaintext JSON (which always starts with <c>{</c>) and names the key; the
/// associated data binds the value to its object, so a ciphertext copied onto another row does not open.
/// </summary>
internal static class SecretEnvelope
{
    public const string Prefix = "actors:enc:aesgcm:v1:";

    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static string Seal(SecretsKey key, string plaintext, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(plaintext);
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + clear.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Bytes, TagSize);
        aes.Encrypt(nonce, clear, sealedBytes.AsSpan(NonceSize, clear.Length), sealedBytes.AsSpan(NonceSize + clear.Length), Encoding.UTF8.GetBytes(associatedData));
        return $"{Prefix}{key.Name}:{Convert.ToBase64String(sealedBytes)}";
    }

    public static bool IsSealed(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Returns the plaintext; a value without the prefix is legacy plaintext and comes back unchanged.</summary>
    /// <exception cref="CryptographicException">
    /// The value is sealed but there is no key, it names another key, it is malformed, or it does not
    /// authenticate (altered, or sealed for another object).
    /// </exception>
    public static string Open(SecretsKey? key, string stored, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!IsSealed(stored))
        {
            return stored;
        }
        var rest = stored.AsSpan(Prefix.Length);
        var separator = rest.IndexOf(':');
        if (separator < 0)
        {
            throw new CryptographicException($"the encrypted value of {associatedData} is malformed (no key name)");
        }
        var keyName = rest[..separator].ToString();
        if (key is null)
        {
            throw new CryptographicException($"{associatedData} is encrypted with secrets key '{keyName}', but this store has no secrets key");
        }
        if (keyName != key.Name)
        {
            throw new CryptographicException(
                $"{associatedData} is encrypted with secrets key '{keyName}', but this silo's key is '{key.Name}': every silo of a cluster must use the same --secrets-key-file");
        }
        var payload = rest[(separator + 1)..];
        var sealedBytes = new byte[payload.Length];
        if (!Convert.TryFromBase64Chars(payload, sealedBytes, out var length) || length < NonceSize + TagSize)
        {
            throw new CryptographicException($"the encrypted value of {associatedData} is malformed");
        }
        var clearLength = length - NonceSize - TagSize;
        var clear = new byte[clearLength];
        using var aes = new AesGcm(key.Bytes, TagSize);
        try
        {
            aes.Decrypt(
                sealedBytes.AsSpan(0, NonceSize),
                sealedBytes.AsSpan(NonceSize, clearLength),
                sealedBytes.AsSpan(NonceSize + clearLength, TagSize),
                clear,
                Encoding.UTF8.GetBytes(associatedData));
        }
        catch (AuthenticationTagMismatchException exception)
        {
            throw new CryptographicException($"the encrypted value of {associatedData} does not authenticate: it was altered or belongs to another object", exception);
        }
        return Encoding.UTF8.GetString(clear);
    }
}
