using System.Security.Cryptography;
using Actors.Grains.Store;

namespace Actors.Grains.Tests.Store;

[Trait("Category", "Unit")]
public sealed class SecretEnvelopeTests
{
    private const string Identity = "Secret/default/db";
    private const string Json = """{"kind":"Secret","metadata":{"name":"db"},"data":{"password":"aHVudGVyMg=="}}""";

    private static readonly SecretsKey Key = SecretsKey.Parse(SecretsKey.NewKeyText());
    private static readonly SecretsKey OtherKey = SecretsKey.Parse(SecretsKey.NewKeyText());

    public static TheoryData<string> Plaintexts => new() { "", "{}", Json, "ünïcødé ✓", new string('x', 100_000) };

    [Theory]
    [MemberData(nameof(Plaintexts))]
    public void Sealed_values_open_to_the_plaintext(string plaintext)
    {
        var sealedValue = SecretEnvelope.Seal(Key, plaintext, Identity);

        Assert.StartsWith($"actors:enc:aesgcm:v1:{Key.Name}:", sealedValue);
        Assert.True(SecretEnvelope.IsSealed(sealedValue));
        Assert.Equal(plaintext, SecretEnvelope.Open(Key, sealedValue, Identity));
    }

    [Fact]
    public void Each_seal_takes_a_fresh_nonce()
    {
        Assert.NotEqual(SecretEnvelope.Seal(Key, Json, Identity), SecretEnvelope.Seal(Key, Json, Identity));
    }

    [Fact]
    public void The_sealed_value_does_not_contain_the_plaintext()
    {
        var sealedValue = SecretEnvelope.Seal(Key, Json, Identity);

        Assert.DoesNotContain("aHVudGVyMg==", sealedValue);
        Assert.DoesNotContain("password", sealedValue);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData(Json)]
    public void Legacy_plaintext_reads_back_unchanged_with_or_without_a_key(string legacy)
    {
        Assert.Equal(legacy, SecretEnvelope.Open(Key, legacy, Identity));
        Assert.Equal(legacy, SecretEnvelope.Open(null, legacy, Identity));
    }

    public static TheoryData<string, Func<string, string>, SecretsKey?, string, string> Failures => new()
    {
        { "a flipped ciphertext bit", FlipBit(20), Key, Identity, "does not authenticate" },
        { "a flipped tag bit", FlipBitFromEnd(1), Key, Identity, "does not authenticate" },
        { "a flipped nonce bit", FlipBit(0), Key, Identity, "does not authenticate" },
        { "another object's identity", v => v, Key, "Secret/default/other", "does not authenticate" },
        { "another kind", v => v, Key, "ConfigMap/default/db", "does not authenticate" },
        { "another key", v => v, OtherKey, Identity, "every silo of a cluster must use the same --secrets-key-file" },
        { "another key that claims our name", v => v.Replace(Key.Name, OtherKey.Name, StringComparison.Ordinal), OtherKey, Identity, "does not authenticate" },
        { "no key", v => v, null, Identity, "this store has no secrets key" },
        { "no key name", _ => SecretEnvelope.Prefix + "AAAA", Key, Identity, "malformed" },
        { "not base64", v => v + "!", Key, Identity, "malformed" },
        { "too short", _ => $"{SecretEnvelope.Prefix}{Key.Name}:AAAA", Key, Identity, "malformed" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Values_that_do_not_open_fail_with_a_clear_error(string scenario, Func<string, string> alter, SecretsKey? key, string identity, string expected)
    {
        var stored = alter(SecretEnvelope.Seal(Key, Json, Identity));

        var error = Assert.Throws<CryptographicException>(() => SecretEnvelope.Open(key, stored, identity));

        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{scenario}: {error.Message}");
    }

    [Fact]
    public void Key_files_hold_base64_of_32_bytes()
    {
        var text = SecretsKey.NewKeyText();

        Assert.Equal(32, Convert.FromBase64String(text).Length);
        Assert.Equal(SecretsKey.Parse(text).Name, SecretsKey.Parse($"  {text}\n").Name);
        Assert.Matches("^[0-9a-f]{8}$", SecretsKey.Parse(text).Name);
        Assert.NotEqual(Key.Name, OtherKey.Name);
    }

    [Theory]
    [InlineData("", "32")]
    [InlineData("not base64!", "not base64")]
    [InlineData("c2hvcnQ=", "is 5 bytes")]
    public void Malformed_key_text_is_rejected(string text, string expected)
    {
        Assert.Contains(expected, Assert.Throws<FormatException>(() => SecretsKey.Parse(text)).Message);
    }

    private static Func<string, string> FlipBit(int payloadIndex) => value => Alter(value, bytes => bytes[payloadIndex] ^= 1);

    private static Func<string, string> FlipBitFromEnd(int fromEnd) => value => Alter(value, bytes => bytes[^fromEnd] ^= 1);

    private static string Alter(string sealedValue, Action<byte[]> change)
    {
        var split = sealedValue.LastIndexOf(':');
        var bytes = Convert.FromBase64String(sealedValue[(split + 1)..]);
        change(bytes);
        return sealedValue[..(split + 1)] + Convert.ToBase64String(bytes);
    }
}
