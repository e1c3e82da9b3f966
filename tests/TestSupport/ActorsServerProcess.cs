using System.Collections.Concurrent;
using System.Diagnostics;

namespace Actors.TestSupport;

/// <summary>
/// A real <c>actors server</c> process on loopback, its output kept for failure messages. Killing it is
/// SIGKILL (a crash); stopping it is SIGTERM (a graceful leave).
/// </summary>
public sealed class ActorsServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ActorsServerProcess(Process process, string name, string dataDirectory, int siloPort, int apiPort)
    {
        _process = process;
        Name = name;
        DataDirectory = dataDirectory;
        SiloPort = siloPort;
        ApiPort = apiPort;
    }

    public string Name { get; }

    /// <summary>Where the server keeps its files: the cluster CA and admin token its API trusts, its kubeconfig.</summary>
    public string DataDirectory { get; }

    public int SiloPort { get; }

    public int ApiPort { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output => string.Join('\n', _output.TakeLast(80));

    public static Task<ActorsServerProcess> StartAsync(string name, string dataDirectory, IReadOnlyDictionary<string, string> environment, params string[] extraArguments) =>
        StartAsync(name, dataDirectory, environment, FreePort.Next(), extraArguments);

    /// <summary>Starts on a given silo port, e.g. the port of a silo that was killed, to restart it in place.</summary>
    public static Task<ActorsServerProcess> StartAsync(string name, string dataDirectory, IReadOnlyDictionary<string, string> environment, int siloPort, params string[] extraArguments) =>
        StartCommandAsync("server", name, dataDirectory, environment, siloPort, extraArguments);

    /// <summary>Starts <c>actors up</c> or <c>actors agent</c> (a silo with a node agent on the local Docker engine) the same way.</summary>
    public static async Task<ActorsServerProcess> StartCommandAsync(
        string command, string name, string dataDirectory, IReadOnlyDictionary<string, string> environment, int siloPort, params string[] extraArguments)
    {
        var apiPort = FreePort.Next();
        var start = new ProcessStartInfo(ActorsBinary.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { command, "--node", name, "--data-dir", dataDirectory, "--silo-port", siloPort.ToString(), "--api-port", apiPort.ToString() }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        start.Environment["Logging__Console__FormatterName"] = "simple";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new ActorsServerProcess(process, name, dataDirectory, siloPort, apiPort);
        process.OutputDataReceived += (_, e) => server.Record(e.Data);
        process.ErrorDataReceived += (_, e) => server.Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Eventually.WaitAsync($"silo {name} to become active", () => server._output.Any(l => l.Contains("is active with role")) || process.HasExited,
            TimeSpan.FromSeconds(60), () => server.Output);
        if (process.HasExited)
        {
            throw new InvalidOperationException($"Silo {name} exited with {process.ExitCode}:\n{server.Output}");
        }
        return server;
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > 2000 && _output.TryDequeue(out _))
        {
        }
    }

    /// <summary>SIGKILL: the process gets no chance to leave the cluster.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    /// <summary>SIGTERM, then wait for a graceful exit.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.CompletedTask;
        _process.Dispose();
    }
}
