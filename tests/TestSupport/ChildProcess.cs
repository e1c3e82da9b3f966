using System.Diagnostics;

namespace Actors.TestSupport;

/// <summary>Runs a program to completion: its exit code and output; killed (with what it had printed) when it outlives the timeout.</summary>
public static class ChildProcess
{
    /// <param name="input">Written to its stdin, which is then closed; null leaves stdin alone.</param>
    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(
        string program, IEnumerable<string> arguments, TimeSpan timeout, string? input = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not exit within {timeout}: {await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
