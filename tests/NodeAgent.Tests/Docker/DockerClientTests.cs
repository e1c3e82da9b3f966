using System.Diagnostics;
using System.Net;
using System.Text;
using Actors.NodeAgent.Docker;
using Actors.NodeAgent.Services;
using Actors.TestSupport;

namespace Actors.NodeAgent.Tests.Docker;

[Trait("Category", "Docker")]
public sealed class DockerClientTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly TestContainers _containers = new();

    private DockerClient Client => _containers.Client;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _containers.EnsureImageAsync();

    public ValueTask DisposeAsync() => _containers.DisposeAsync();

    [Fact]
    public async Task Info_reports_capacity_and_versions()
    {
        var info = await Client.InfoAsync(Token);

        Assert.True(info.IsOk, info.ToString());
        Assert.True(info.Value.NCPU > 0, $"NCPU {info.Value.NCPU}");
        Assert.True(info.Value.MemTotal > 0, $"MemTotal {info.Value.MemTotal}");
        Assert.NotEmpty(info.Value.ServerVersion);
        Assert.NotEmpty(info.Value.KernelVersion);
        Assert.NotEmpty(info.Value.OperatingSystem);
        Assert.NotEmpty(info.Value.Architecture);
    }

    [Fact]
    public async Task Network_inspect_finds_the_bridge_and_its_gateway_and_reports_a_missing_one_as_NotFound()
    {
        var bridge = await Client.InspectNetworkAsync("bridge", Token);
        var missing = await Client.InspectNetworkAsync($"missing-{_containers.RunId}", Token);

        Assert.True(bridge.IsOk, bridge.ToString());
        Assert.Equal("bridge", bridge.Value.Name);
        Assert.Contains(bridge.Value.IPAM.Config ?? [], c => c.Subnet is not null);
        var gateway = await BridgeGateway.FindAsync(Client, "bridge", Token);
        Assert.NotNull(gateway);
        Assert.True(IPNetwork.Parse(bridge.Value.IPAM.Config!.First(c => c.Subnet!.Contains('.')).Subnet!).Contains(gateway), $"{gateway}");
        Assert.Equal(DockerResultKind.NotFound, missing.Kind);
    }

    [Fact]
    public async Task Image_inspect_finds_the_local_image_and_reports_a_missing_one_as_NotFound()
    {
        var found = await Client.InspectImageAsync(TestContainers.Image, Token);
        var missing = await Client.InspectImageAsync($"actors/missing-{_containers.RunId}:1", Token);
        var listed = await Client.ListImagesAsync(Token);

        Assert.True(found.IsOk, found.ToString());
        Assert.StartsWith("sha256:", found.Value.Id);
        Assert.Contains(TestContainers.Image, found.Value.RepoTags ?? []);
        Assert.Equal(["sh"], found.Value.Config?.Cmd ?? []);
        Assert.Equal(DockerResultKind.NotFound, missing.Kind);
        Assert.True(listed.IsOk, listed.ToString());
        Assert.Contains(listed.Value, i => i.Id == found.Value.Id);
    }

    [Fact]
    public async Task Pull_without_a_registry_is_a_failure_value()
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Token);
        limit.CancelAfter(TimeSpan.FromSeconds(90));

        var pulled = await Client.PullImageAsync($"actors/missing-{_containers.RunId}:1", limit.Token);

        Assert.Equal(DockerResultKind.Error, pulled.Kind);
        Assert.False(string.IsNullOrEmpty(pulled.Message));
    }

    [Fact]
    public async Task Pod_pattern_shares_one_network_namespace_and_labels_find_exactly_ours()
    {
        var podUid = Guid.NewGuid().ToString();
        (string, string)[] PodLabels(string container) =>
        [
            ("io.kubernetes.pod.uid", podUid),
            ("io.kubernetes.pod.namespace", "default"),
            ("io.kubernetes.pod.name", "web"),
            ("io.kubernetes.container.name", container),
        ];
        var sandbox = await _containers.RunAsync("pod", ["sleep", "3600"], r => r with { Labels = _containers.Labels(PodLabels("POD")) });
        var app = await _containers.RunAsync("httpd", ["httpd", "-f", "-p", "8080"], r => r with
        {
            Labels = _containers.Labels(PodLabels("httpd")),
            WorkingDir = "/var/www",
            Env = ["GREETING=hello"],
            HostConfig = new ContainerHostConfig { NetworkMode = $"container:{sandbox}", Memory = 64 * 1024 * 1024, NanoCpus = 500_000_000 },
        });
        var client = await _containers.RunAsync("client", ["sleep", "3600"], r => r with
        {
            Labels = _containers.Labels(PodLabels("client")),
            HostConfig = new ContainerHostConfig { NetworkMode = $"container:{sandbox}" },
        });

        ExecResult? last = null;
        await Eventually.WaitAsync(
            "the client container to fetch index.html from httpd over the pod's localhost",
            async () =>
            {
                var exec = await Client.ExecAsync(client, ["wget", "-qO-", "http://127.0.0.1:8080/"], TimeSpan.FromSeconds(5), Token);
                Assert.True(exec.IsOk, exec.ToString());
                last = exec.Value;
                return exec.Value is { ExitCode: 0 } && exec.Value.Output.Contains("actors busybox");
            },
            Deadline,
            () => $"last exec: {last}");

        var sandboxDetails = await Client.InspectContainerAsync(sandbox, Token);
        Assert.True(sandboxDetails.IsOk, sandboxDetails.ToString());
        Assert.Matches(@"^\d+\.\d+\.\d+\.\d+$", sandboxDetails.Value.NetworkSettings.IPAddress);
        Assert.True(sandboxDetails.Value.State.Running);
        Assert.True(sandboxDetails.Value.State.Pid > 0);
        Assert.True(sandboxDetails.Value.State.StartedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal("POD", sandboxDetails.Value.Config.Labels?["io.kubernetes.container.name"]);

        var appDetails = await Client.InspectContainerAsync(app, Token);
        Assert.True(appDetails.IsOk, appDetails.ToString());
        Assert.Equal("running", appDetails.Value.State.Status);
        Assert.StartsWith("sha256:", appDetails.Value.Image);
        Assert.Equal(0, appDetails.Value.RestartCount);
        Assert.Contains("GREETING=hello", appDetails.Value.Config.Env ?? []);

        var listed = await Client.ListContainersAsync(all: true, [$"io.kubernetes.pod.uid={podUid}", TestContainers.RunLabel], Token);
        Assert.True(listed.IsOk, listed.ToString());
        Assert.Equal(new[] { sandbox, app, client }.Order(), listed.Value.Select(c => c.Id).Order());
        var byContainer = await Client.ListContainersAsync(all: false, [$"io.kubernetes.pod.uid={podUid}", "io.kubernetes.container.name=POD"], Token);
        Assert.Equal([sandbox], byContainer.Value?.Select(c => c.Id) ?? []);
    }

    [Fact]
    public async Task Logs_tell_stdout_from_stderr()
    {
        var id = await _containers.RunAsync("logs", ["sh", "-c", "echo out1; echo err1 >&2; echo out2"]);
        await WaitForExitAsync(id);

        var logs = await Client.GetLogsAsync(id, timestamps: true, cancellationToken: Token);
        Assert.True(logs.IsOk, logs.ToString());
        var lines = new List<LogLine>();
        await foreach (var line in logs.Value)
        {
            lines.Add(line);
        }

        Assert.Equal(["out1", "out2"], lines.Where(l => l.Stream == LogStream.Stdout).Select(l => l.Text));
        Assert.Equal(["err1"], lines.Where(l => l.Stream == LogStream.Stderr).Select(l => l.Text));
        Assert.All(lines, l => Assert.NotNull(l.Timestamp));
        Assert.Null(logs.Value.Error);
    }

    [Fact]
    public async Task Logs_of_a_tty_container_come_raw_on_stdout()
    {
        var id = await _containers.RunAsync("tty", ["sh", "-c", "echo one; echo two >&2"], r => r with { Tty = true });
        await WaitForExitAsync(id);

        var logs = await Client.GetLogsAsync(id, cancellationToken: Token);
        Assert.True(logs.IsOk, logs.ToString());
        var lines = new List<LogLine>();
        await foreach (var line in logs.Value)
        {
            lines.Add(line);
        }

        Assert.Equal([new LogLine(LogStream.Stdout, "one"), new LogLine(LogStream.Stdout, "two")], lines);
    }

    [Fact]
    public async Task Logs_follow_delivers_a_line_written_after_subscription()
    {
        var id = await _containers.RunAsync(
            "follow", ["sh", "-c", "echo ready; while [ ! -e /tmp/go ]; do sleep 0.1; done; echo after; sleep 3600"]);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Token);
        limit.CancelAfter(Deadline);

        var logs = await Client.GetLogsAsync(id, follow: true, cancellationToken: limit.Token);
        Assert.True(logs.IsOk, logs.ToString());
        var seen = new List<string>();
        await foreach (var line in logs.Value)
        {
            seen.Add(line.Text);
            if (line.Text == "ready")
            {
                var touched = await Client.ExecAsync(id, ["sh", "-c", ": > /tmp/go"], TimeSpan.FromSeconds(5), Token);
                Assert.True(touched is { IsOk: true, Value.ExitCode: 0 }, touched.ToString());
            }
            if (line.Text == "after")
            {
                break;
            }
        }

        Assert.Equal(["ready", "after"], seen);
    }

    [Fact]
    public async Task Follow_stream_ends_cleanly_on_cancellation()
    {
        var id = await _containers.RunAsync("quiet", ["sleep", "3600"]);
        using var cancel = new CancellationTokenSource();
        var logs = await Client.GetLogsAsync(id, follow: true, cancellationToken: cancel.Token);
        Assert.True(logs.IsOk, logs.ToString());

        var reading = Task.Run(async () =>
        {
            var count = 0;
            await foreach (var _ in logs.Value)
            {
                count++;
            }
            return count;
        }, Token);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));

        Assert.Equal(0, await reading.WaitAsync(Deadline, Token));
        Assert.Null(logs.Value.Error);
    }

    [Fact]
    public async Task Events_report_die_when_a_container_is_killed()
    {
        var id = await _containers.RunAsync("events", ["sleep", "3600"]);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Token);
        limit.CancelAfter(Deadline);
        var filters = new Dictionary<string, IReadOnlyList<string>>
        {
            ["type"] = ["container"],
            ["container"] = [id],
            ["event"] = ["die"],
        };

        var events = await Client.MonitorEventsAsync(filters, cancellationToken: limit.Token);
        Assert.True(events.IsOk, events.ToString());
        var killed = await Client.KillContainerAsync(id, "KILL", Token);
        Assert.True(killed.IsOk, killed.ToString());

        DockerEvent? die = null;
        await foreach (var e in events.Value)
        {
            die = e;
            break;
        }

        Assert.NotNull(die);
        Assert.Equal(("container", "die", id), (die.Type, die.Action, die.ActorId));
        Assert.Equal("137", die.Attributes["exitCode"]);
        Assert.Equal(_containers.RunId, die.Attributes[TestContainers.RunLabel]);
        var details = await Client.InspectContainerAsync(id, Token);
        Assert.True(details is { IsOk: true, Value.State: { Running: false, ExitCode: 137 } }, details.ToString());
        var again = await Client.KillContainerAsync(id, "KILL", Token);
        Assert.Equal(DockerResultKind.Conflict, again.Kind);
    }

    [Fact]
    public async Task Stop_of_a_container_handling_TERM_exits_zero_well_before_the_timeout()
    {
        var id = await _containers.RunAsync("stop", ["sh", "-c", "trap \"exit 0\" TERM; while true; do sleep 1; done"]);
        var watch = Stopwatch.StartNew();

        var stopped = await Client.StopContainerAsync(id, TimeSpan.FromSeconds(20), Token);

        Assert.True(stopped.IsOk, stopped.ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"stop took {watch.Elapsed}");
        var details = await Client.InspectContainerAsync(id, Token);
        Assert.True(details.IsOk, details.ToString());
        Assert.Equal(("exited", 0, false), (details.Value.State.Status, details.Value.State.ExitCode, details.Value.State.OOMKilled));
        Assert.True(details.Value.State.FinishedAt >= details.Value.State.StartedAt);
        var again = await Client.StopContainerAsync(id, TimeSpan.FromSeconds(1), Token);
        Assert.True(again.IsOk, $"stopping a stopped container: {again}");
    }

    [Fact]
    public async Task Create_with_a_name_in_use_is_a_Conflict_value()
    {
        await _containers.RunAsync("dup", ["sleep", "3600"]);

        var second = await Client.CreateContainerAsync(
            new ContainerCreateRequest { Name = _containers.Name("dup"), Image = TestContainers.Image, Labels = _containers.Labels() }, Token);

        Assert.Equal(DockerResultKind.Conflict, second.Kind);
        Assert.Contains(_containers.Name("dup"), second.Message);
    }

    [Fact]
    public async Task Missing_containers_are_NotFound()
    {
        var name = _containers.Name("never-created");

        var removed = await Client.RemoveContainerAsync(name, force: true, Token);
        var inspected = await Client.InspectContainerAsync(name, Token);
        var logs = await Client.GetLogsAsync(name, cancellationToken: Token);
        var exec = await Client.ExecAsync(name, ["true"], TimeSpan.FromSeconds(1), Token);

        Assert.Equal(DockerResultKind.NotFound, removed.Kind);
        Assert.Equal(DockerResultKind.NotFound, inspected.Kind);
        Assert.Equal(DockerResultKind.NotFound, logs.Kind);
        Assert.Equal(DockerResultKind.NotFound, exec.Kind);
    }

    [Fact]
    public async Task Exec_reports_exit_code_output_and_timeout()
    {
        var id = await _containers.RunAsync("exec", ["sleep", "3600"]);

        var failed = await Client.ExecAsync(id, ["sh", "-c", "echo to-out; echo to-err >&2; exit 3"], TimeSpan.FromSeconds(10), Token);
        var slow = await Client.ExecAsync(id, ["sleep", "30"], TimeSpan.FromMilliseconds(500), Token);

        Assert.True(failed.IsOk, failed.ToString());
        Assert.Equal(3, failed.Value.ExitCode);
        Assert.Contains("to-out", failed.Value.Output);
        Assert.Contains("to-err", failed.Value.Output);
        Assert.True(slow is { IsOk: true, Value.TimedOut: true }, slow.ToString());
    }

    [Fact]
    public async Task An_open_exec_carries_stdin_in_and_stdout_and_stderr_out_apart_then_its_exit_code()
    {
        var id = await _containers.RunAsync("exec-open", ["sleep", "3600"]);

        var opened = await Client.OpenExecAsync(id, ["sh", "-c", "read line; echo \"out:$line\"; echo err >&2; exit 4"], stdin: true, tty: false, Token);
        Assert.True(opened.IsOk, opened.ToString());
        await using var exec = opened.Value!.Connection;
        await exec.WriteInputAsync("hello\n"u8.ToArray(), Token);
        exec.CloseInput();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        await foreach (var frame in exec.ReadOutputAsync(Token))
        {
            (frame.Stream == LogStream.Stderr ? stderr : stdout).Append(Encoding.UTF8.GetString(frame.Payload));
        }
        var exitCode = await Client.ExecExitCodeAsync(opened.Value.ExecId, Token);

        Assert.Equal("out:hello\n", stdout.ToString());
        Assert.Equal("err\n", stderr.ToString());
        Assert.True(exitCode is { IsOk: true, Value: 4 }, exitCode.ToString());
    }

    [Fact]
    public async Task An_open_exec_with_a_tty_echoes_raw_output_and_takes_a_resize()
    {
        var id = await _containers.RunAsync("exec-tty", ["sleep", "3600"]);

        var opened = await Client.OpenExecAsync(id, ["sh", "-c", "read go; stty size"], stdin: true, tty: true, Token);
        Assert.True(opened.IsOk, opened.ToString());
        await using var exec = opened.Value!.Connection;
        var resized = await Client.ResizeExecAsync(opened.Value.ExecId, 91, 17, Token);
        await exec.WriteInputAsync("\n"u8.ToArray(), Token);
        var output = new StringBuilder();
        await foreach (var frame in exec.ReadOutputAsync(Token))
        {
            output.Append(Encoding.UTF8.GetString(frame.Payload));
        }

        Assert.True(resized.IsOk, resized.ToString());
        Assert.Contains("17 91", output.ToString());
    }

    [Fact]
    public async Task Attach_joins_the_containers_own_stdin_and_output()
    {
        var id = await _containers.RunAsync("attach", ["sh", "-c", "read line; echo got:$line; exit 5"], r => r with { OpenStdin = true, StdinOnce = true });

        var attached = await Client.AttachAsync(id, stdin: true, tty: false, Token);
        Assert.True(attached.IsOk, attached.ToString());
        await using var connection = attached.Value!;
        await connection.WriteInputAsync("typed\n"u8.ToArray(), Token);
        var output = new StringBuilder();
        await foreach (var frame in connection.ReadOutputAsync(Token))
        {
            output.Append(Encoding.UTF8.GetString(frame.Payload));
        }
        await WaitForExitAsync(id);

        Assert.Equal("got:typed\n", output.ToString());
        Assert.Equal(5, (await Client.InspectContainerAsync(id, Token)).Value!.State.ExitCode);
    }

    [Fact]
    public async Task An_exec_in_a_missing_container_is_not_found()
    {
        var opened = await Client.OpenExecAsync(_containers.Name("never-made"), ["true"], stdin: false, tty: false, Token);

        Assert.Equal(DockerResultKind.NotFound, opened.Kind);
    }

    [Fact]
    public async Task Host_config_reaches_the_container()
    {
        var id = await _containers.RunAsync("hostcfg", ["sleep", "3600"], r => r with
        {
            HostConfig = new ContainerHostConfig
            {
                Init = true,
                ExtraHosts = ["db.test:10.1.2.3"],
                Dns = ["10.0.0.10"],
                Tmpfs = new Dictionary<string, string> { ["/scratch"] = "rw,size=1m" },
                Binds = [$"{AppContext.BaseDirectory.TrimEnd('/')}:/host:ro"],
                PortBindings = [new PortBinding(new ContainerPort(8080), 0, "127.0.0.1")],
            },
        });

        var exec = await Client.ExecAsync(
            id,
            ["sh", "-c", "grep db.test /etc/hosts && grep 10.0.0.10 /etc/resolv.conf && grep ' /scratch ' /proc/mounts && ls /host && cat /proc/1/cmdline"],
            TimeSpan.FromSeconds(10),
            Token);

        Assert.True(exec is { IsOk: true, Value.ExitCode: 0 }, exec.ToString());
        Assert.Contains("10.1.2.3", exec.Value.Output);
        Assert.Contains("tmpfs", exec.Value.Output);
        Assert.Contains("Actors.NodeAgent.Tests.dll", exec.Value.Output);
        // With Init the engine's init process, not sleep, is PID 1.
        Assert.Contains("docker-init", exec.Value.Output);
    }

    private async Task WaitForExitAsync(string id)
    {
        ContainerState? state = null;
        await Eventually.WaitAsync(
            $"container {id} to exit",
            async () =>
            {
                var details = await Client.InspectContainerAsync(id, Token);
                state = details.Value?.State;
                return state is { Status: "exited" };
            },
            Deadline,
            () => $"last state: {state}");
    }
}
