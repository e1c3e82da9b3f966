using System.Diagnostics;

namespace Actors.Silo.Tests.EndToEnd;

/// <summary>Runs a script of EndToEnd/python with Debian's python3-kubernetes; each line it prints is a <c>fact: value</c>.</summary>
internal static class PythonScript
{
    private const string Python = "/usr/bin/python3";

    public static bool ClientInstalled => File.Exists("/usr/lib/python3/dist-packages/kubernetes/__init__.py");

    public static async Task<Dictionary<string, string>> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EndToEnd", "python", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(cancel.Token);
        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"{script} exited {process.ExitCode}:\n{output}\n{await stderr}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(": ", 2))
            .ToDictionary(parts => parts[0], parts => parts[1]);
    }
}
