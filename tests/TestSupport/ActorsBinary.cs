namespace Actors.TestSupport;

/// <summary>
/// The <c>actors</c> executable built beside the tests (same configuration), so process tests run the real
/// binary operators run, never a throwaway host.
/// </summary>
public static class ActorsBinary
{
    public static string Path
    {
        get
        {
            // tests/<Project>/bin/<Configuration>/net10.0/ → src/Silo/bin/<Configuration>/net10.0/actors
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
            var framework = testOutput.Name;
            var configuration = testOutput.Parent!.Name;
            var root = testOutput.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
            var path = System.IO.Path.Combine(root, "src", "Silo", "bin", configuration, framework, "actors");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The actors binary is not built at {path}: build the solution first.");
        }
    }

    /// <summary>Runs the binary to completion and returns its exit code and output.</summary>
    public static Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(TimeSpan timeout, params string[] arguments) =>
        ChildProcess.RunAsync(Path, arguments, timeout);
}
