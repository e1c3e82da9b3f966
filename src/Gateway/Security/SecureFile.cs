namespace Actors.Gateway.Security;

/// <summary>Writes secrets (keys, tokens) so that only the owner can read them (mode 0600 from the moment of creation).</summary>
internal static class SecureFile
{
    public static void WriteAllText(string path, string content)
    {
        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
        }

        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode only applies to new files; a leftover temp file may have had other bits.
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // Rename so that a crash never leaves a half-written key behind.
        File.Move(temp, path, overwrite: true);
    }
}
