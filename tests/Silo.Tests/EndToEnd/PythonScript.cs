using Actors.TestSupport;

namespace Actors.Silo.Tests.EndToEnd;

/// <summary>Runs a script of EndToEnd/python with Debian's python3-kubernetes; each line it prints is a <c>fact: value</c>.</summary>
internal static class PythonScript
{
    private const string Python = "/usr/bin/python3";

    public static bool ClientInstalled => File.Exists("/usr/lib/python3/dist-packages/kubernetes/__init__.py");

    public static async Task<Dictionary<string, string>> RunAsync(string script, params string[] arguments)
    {
        var (exitCode, output, errors) = await ChildProcess.RunAsync(
            Python, [Path.Combine(AppContext.BaseDirectory, "EndToEnd", "python", script), .. arguments], TimeSpan.FromSeconds(120));
        Assert.True(exitCode == 0, $"{script} exited {exitCode}:\n{output}\n{errors}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(": ", 2))
            .ToDictionary(parts => parts[0], parts => parts[1]);
    }
}
