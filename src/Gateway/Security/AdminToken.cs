using System.Buffers.Text;
using System.Security.Cryptography;

namespace Actors.Gateway.Security;

/// <summary>The admin bearer token: 32 random bytes, base64url, generated into <c>admin.token</c> (0600) once and reused.</summary>
internal static class AdminToken
{
    public const string FileName = "admin.token";

    public static string Ensure(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length > 0)
            {
                return existing;
            }
        }

        var token = Generate();
        SecureFile.WriteAllText(path, token + "\n");
        return token;
    }

    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
