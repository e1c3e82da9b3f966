using System.Globalization;
using System.Diagnostics;
using Actors.NodeAgent.Docker;
using Actors.NodeAgent.Runtime.Docker;
using Actors.TestSupport;

namespace Actors.Silo.Tests.EndToEnd;

/// <summary>
/// `actors up` against the real Docker engine, driven by the real kubectl: pods become containers (a sandbox
/// per pod holding its IP, claimed from the node's warm pool while it lasts), serve HTTP on their pod IP, restart
/// when killed, back off when they keep failing, report a missing image, survive a restart of the process (adopted,
/// not restarted), and leave nothing behind.
/// </summary>
[Trait("Category", "Docker")]
[Collection(DockerNodeCollection.Name)]
public sealed class ActorsUpDockerTests : IAsyncLifetime
{
    private UpNode _node = null!;

    private const string Web = UpNode.HttpdDeployment + """
        apiVersion: v1
        kind: Pod
        metadata: {name: crasher}
        spec:
          terminationGracePeriodSeconds: 1
          containers: [{name: main, image: actors/busybox:1, command: ["sh", "-c", "echo failing; exit 3"]}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: missing-image}
        spec:
          containers: [{name: main, image: "actors/not-there:1"}]
        """;

    public async ValueTask InitializeAsync() => _node = await UpNode.StartAsync("up-");

    public ValueTask DisposeAsync() => _node.DisposeAsync();

    [Fact]
    public async Task Pods_RunAsContainers_ServeOnTheirIPs_Restart_BackOff_AndSurviveARestartOfTheProcess()
    {
        Assert.SkipUnless(File.Exists(Kubectl.Newest), $"{Kubectl.Newest} is not installed");
        var nodes = await _node.Kubectl.RunAsync("get", "nodes", "-o", "wide");
        Assert.Matches($@"{_node.Name}\s+Ready", nodes);
        Assert.Contains("docker://", nodes);

        // The default pool is warm before the first pod, and the node says so.
        await Eventually.WaitAsync("the node's sandbox pool full", async () =>
            (await _node.Kubectl.RunAsync("describe", "node", _node.Name)).Contains("3 of 3 warm pod sandboxes", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        var manifest = await _node.WriteFileAsync("web.yaml", Web);
        Assert.Contains("deployment.apps/web created", await _node.Kubectl.RunAsync("apply", "-f", manifest));
        Assert.Contains("successfully rolled out", await _node.Kubectl.RunAsync("rollout", "status", "deployment/web", "--timeout=60s"));

        // One sandbox and one app container per pod, each of its pod (by label, or by name for a claimed pool sandbox).
        var containers = await _node.ContainersAsync();
        var webPods = (await _node.Kubectl.RunAsync("get", "pods", "-l", "app=web", "-o", "jsonpath={range .items[*]}{.metadata.name} {.status.podIP}{\"\\n\"}{end}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToList();
        Assert.Equal(3, webPods.Count);
        foreach (var pod in webPods)
        {
            Assert.Equal(2, containers.Count(c => PodOf(c) == pod[0] && c.State == "running"));
        }
        Assert.Contains(containers, c => SandboxPoolLabels.IsPoolContainer(c.Labels) && PodOf(c) is not null);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var pod in webPods)
        {
            Assert.Equal(pod[0], (await http.GetStringAsync($"http://{pod[1]}:8080/index.html", TestContext.Current.CancellationToken)).Trim());
        }

        // docker kill: the agent restarts the container and counts it.
        var victim = webPods[0][0];
        var app = containers.Single(c => c.Labels?.GetValueOrDefault("io.kubernetes.pod.name") == victim && c.Labels?.GetValueOrDefault("io.kubernetes.container.name") == "httpd");
        Assert.True((await _node.Docker.KillContainerAsync(app.Id, "KILL", TestContext.Current.CancellationToken)).IsOk);
        await Eventually.WaitAsync($"{victim} restarted once and Running", async () =>
            await _node.Kubectl.RunAsync("get", "pod", victim, "-o", "jsonpath={.status.containerStatuses[0].restartCount} {.status.phase}") == "1 Running",
            TimeSpan.FromSeconds(30));
        Assert.Equal("137", await _node.Kubectl.RunAsync("get", "pod", victim, "-o", "jsonpath={.status.containerStatuses[0].lastState.terminated.exitCode}"));

        await Eventually.WaitAsync("crasher in CrashLoopBackOff after restarts", async () =>
        {
            var status = await _node.Kubectl.RunAsync("get", "pod", "crasher", "-o", "jsonpath={.status.containerStatuses[0].state.waiting.reason} {.status.containerStatuses[0].restartCount}");
            return status.StartsWith("CrashLoopBackOff ", StringComparison.Ordinal) && int.Parse(status.Split(' ')[1]) >= 2;
        }, TimeSpan.FromSeconds(60));
        Assert.Contains("failing", await _node.Kubectl.RunAsync("logs", "crasher", "--previous"));
        await Eventually.WaitAsync("missing-image waiting on its image", async () =>
            (await _node.Kubectl.RunAsync("get", "pod", "missing-image", "-o", "jsonpath={.status.containerStatuses[0].state.waiting.reason}")) is "ErrImagePull" or "ImagePullBackOff",
            TimeSpan.FromSeconds(30));

        // A restart of the process adopts the running containers instead of starting new ones.
        var running = (await _node.ContainersAsync()).Where(c => c.State == "running" && PodOf(c) is not (null or "crasher")).Select(c => c.Id).Order().ToList();
        await _node.RestartAsync();
        await Eventually.WaitAsync("the node Ready again", async () => (await _node.Kubectl.RunAsync("get", "nodes")).Contains(" Ready"), TimeSpan.FromSeconds(30));
        await Eventually.WaitAsync("the web pods Running after the restart", async () =>
            (await _node.Kubectl.RunAsync("get", "pods", "-l", "app=web", "-o", "jsonpath={.items[*].status.phase}")) == "Running Running Running", TimeSpan.FromSeconds(30));
        var after = (await _node.ContainersAsync()).Where(c => c.State == "running" && PodOf(c) is not (null or "crasher")).Select(c => c.Id).Order().ToList();
        Assert.Equal(running, after);

        Assert.Contains("deleted", await _node.Kubectl.RunAsync("delete", "-f", manifest));
        await Eventually.WaitAsync("every pod and pod container gone", async () =>
            (await _node.Kubectl.RunAsync("get", "pods", "-o", "name")).Trim().Length == 0 && (await _node.ContainersAsync()).All(c => PodOf(c) is null),
            TimeSpan.FromSeconds(60), () => _node.Process.Output);

        // The warm sandboxes go with the node.
        await _node.StopAsync();
        Assert.Empty(await _node.ContainersAsync());
    }

    private static string? PodOf(ContainerSummary container) => ContainerIdentity.From(container.Names.FirstOrDefault(), container.Labels)?.PodName;

    private const string Probed = """
        apiVersion: v1
        kind: Pod
        metadata: {name: probed}
        spec:
          terminationGracePeriodSeconds: 1
          containers:
          - name: web
            image: actors/busybox:1
            command: ["sh", "-c", "mkdir /www; touch /www/alive; exec httpd -f -p 8080 -h /www"]
            ports: [{name: http, containerPort: 8080}]
            readinessProbe:
              httpGet: {path: /ready, port: http}
              periodSeconds: 1
              failureThreshold: 1
            livenessProbe:
              exec: {command: ["sh", "-c", "cat /www/alive"]}
              periodSeconds: 1
              failureThreshold: 2
        """;

    /// <summary>Readiness follows an HTTP probe both ways; a failing exec liveness probe restarts the container, whose readiness starts over.</summary>
    [Fact]
    public async Task Probes_DecideReadiness_AndRestartAContainerThatFailsLiveness()
    {
        Assert.SkipUnless(File.Exists(Kubectl.Newest), $"{Kubectl.Newest} is not installed");
        var manifest = await _node.WriteFileAsync("probed.yaml", Probed);
        Assert.Contains("pod/probed created", await _node.Kubectl.RunAsync("apply", "-f", manifest));
        await Eventually.WaitAsync("probed Running but not Ready (no /ready yet)", async () =>
            await _node.Kubectl.RunAsync("get", "pod", "probed", "-o", "jsonpath={.status.phase} {.status.containerStatuses[0].ready}") == "Running false",
            TimeSpan.FromSeconds(30));

        await ExecAsync("sh", "-c", "touch /www/ready");
        await Eventually.WaitAsync("probed Ready once /ready answers", async () =>
            await _node.Kubectl.RunAsync("get", "pod", "probed", "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}") == "True", TimeSpan.FromSeconds(20));

        await ExecAsync("sh", "-c", "rm /www/alive");
        await Eventually.WaitAsync("probed restarted by its liveness probe, not ready again", async () =>
            await _node.Kubectl.RunAsync("get", "pod", "probed", "-o", "jsonpath={.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].ready}") == "1 false",
            TimeSpan.FromSeconds(30));
    }

    private const string Configured = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
        data: {color: blue, "app.conf": "mode=fast"}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: creds}
        stringData: {password: s3cret}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: configured, labels: {tier: back}}
        spec:
          restartPolicy: Never
          containers:
          - name: main
            image: actors/busybox:1
            command: ["sh", "-c", "echo color=$COLOR password=$PASSWORD pod=$POD tier=$TIER; cat /etc/app/app.conf; echo; cat /etc/creds/password; echo; echo scratch > /scratch/f && cat /scratch/f; echo who=$WHO k8s=$(COLOR)"]
            env:
            - {name: COLOR, valueFrom: {configMapKeyRef: {name: settings, key: color}}}
            - {name: PASSWORD, valueFrom: {secretKeyRef: {name: creds, key: password}}}
            - {name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
            - {name: TIER, valueFrom: {fieldRef: {fieldPath: "metadata.labels['tier']"}}}
            - {name: WHO, value: "$(POD)@$(TIER)"}
            volumeMounts:
            - {name: config, mountPath: /etc/app}
            - {name: secret, mountPath: /etc/creds}
            - {name: scratch, mountPath: /scratch}
          volumes:
          - {name: config, configMap: {name: settings}}
          - {name: secret, secret: {secretName: creds}}
          - {name: scratch, emptyDir: {}}
        """;

    /// <summary>Environment from a ConfigMap, a Secret and the pod's own fields with $(VAR) references, and ConfigMap, Secret and emptyDir volumes, in a real container.</summary>
    [Fact]
    public async Task ConfigMapsSecretsAndFields_ReachTheContainer_AsEnvironmentAndFiles()
    {
        Assert.SkipUnless(File.Exists(Kubectl.Newest), $"{Kubectl.Newest} is not installed");
        var manifest = await _node.WriteFileAsync("configured.yaml", Configured);
        Assert.Contains("pod/configured created", await _node.Kubectl.RunAsync("apply", "-f", manifest));
        await Eventually.WaitAsync("configured Succeeded", async () =>
            await _node.Kubectl.RunAsync("get", "pod", "configured", "-o", "jsonpath={.status.phase}") == "Succeeded", TimeSpan.FromSeconds(30));
        var lines = (await _node.Kubectl.RunAsync("logs", "configured")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // $(VAR) is the kubelet's expansion, done before the shell sees the command.
        Assert.Equal(["color=blue password=s3cret pod=configured tier=back", "mode=fast", "s3cret", "scratch", "who=configured@back k8s=blue"], lines);
    }

    private const string Box = """
        apiVersion: v1
        kind: Pod
        metadata: {name: box}
        spec:
          terminationGracePeriodSeconds: 1
          containers: [{name: main, image: actors/busybox:1, command: ["sleep", "3600"]}]
        """;

    /// <summary>
    /// kubectl exec (WebSocket v5.channel.k8s.io) and the Python client's (v4): stdout and stderr apart, stdin to the
    /// end, the exit code, and refusals a user can fix answered before the upgrade, as Statuses kubectl prints;
    /// kubectl cp (tar through exec) and kubectl run -i (attach).
    /// </summary>
    [Fact]
    public async Task ExecAndAttach_ReachAPodsContainer_ForKubectlAndThePythonClient()
    {
        Assert.SkipUnless(File.Exists(Kubectl.Newest), $"{Kubectl.Newest} is not installed");
        Assert.SkipUnless(PythonScript.ClientInstalled, "python3-kubernetes is not installed: run deploy/install-packages.sh");
        Assert.Contains("pod/box created", await _node.Kubectl.RunAsync("apply", "-f", await _node.WriteFileAsync("box.yaml", Box)));
        await _node.Kubectl.RunAsync("wait", "--for=condition=Ready", "pod/box", "--timeout=60s");

        var failing = await _node.Kubectl.TryRunAsync("exec", "box", "--", "sh", "-c", "echo out; echo err >&2; exit 3");
        Assert.Equal((3, "out\n"), (failing.ExitCode, failing.StandardOutput));
        Assert.StartsWith("err\n", failing.StandardError);
        Assert.Contains("command terminated with exit code 3", failing.StandardError);
        var echoed = await _node.Kubectl.TryRunWithInputAsync("hello\nworld\n", "exec", "-i", "box", "--", "cat");
        Assert.Equal((0, "hello\nworld\n"), (echoed.ExitCode, echoed.StandardOutput));
        Assert.Equal("box\n", await _node.Kubectl.RunAsync("exec", "box", "--", "hostname"));
        // kubectl cp is tar through exec, both ways.
        await _node.Kubectl.RunAsync("cp", await _node.WriteFileAsync("to-copy.txt", "copied\n"), "box:/tmp/copied.txt");
        Assert.Equal("copied\n", await _node.Kubectl.RunAsync("exec", "box", "--", "cat", "/tmp/copied.txt"));
        var back = Path.Combine(Path.GetDirectoryName(_node.KubeconfigPath)!, "copied-back.txt");
        await _node.Kubectl.RunAsync("cp", "box:/tmp/copied.txt", back);
        Assert.Equal("copied\n", await File.ReadAllTextAsync(back, TestContext.Current.CancellationToken));
        var wrongContainer = await _node.Kubectl.TryRunAsync("exec", "box", "-c", "nope", "--", "true");
        Assert.Equal(1, wrongContainer.ExitCode);
        Assert.Contains("container nope is not valid for pod box", wrongContainer.StandardError);
        var missingPod = await _node.Kubectl.TryRunAsync("exec", "nobox", "--", "true");
        Assert.Contains("pods \"nobox\" not found", missingPod.StandardError);

        // kubectl run -i: a pod whose container keeps stdin open, attached to; its exit code is kubectl's; --rm deletes it.
        var run = await _node.Kubectl.TryRunWithInputAsync("typed\n", "run", "attached", "-i", "--rm", "--restart=Never",
            "--image=actors/busybox:1", "--image-pull-policy=Never", "--", "sh", "-c", "read line; echo got:$line; exit 2");
        Assert.True(run.ExitCode == 2, $"kubectl run -i exited {run.ExitCode}: {run.StandardError}");
        Assert.Contains("got:typed", run.StandardOutput);

        var facts = await PythonScript.RunAsync("exec_workflow.py", _node.KubeconfigPath, "default", "box");
        Assert.Equal("'py-out\\n'", facts["stdout"]);
        Assert.Equal("'py-err\\n'", facts["stderr"]);
        Assert.Equal("'got:py-stdin\\n'", facts["stdin"]);
        Assert.Equal("0", facts["stdin exit"]);
        Assert.Equal("4", facts["exit"]);
    }

    /// <summary>kubectl before 1.30 (and 1.30+ when WebSocket is refused) speaks SPDY for exec: the same streams, exit code and cp.</summary>
    [Theory]
    [InlineData(Kubectl.Oldest)]
    [InlineData(Kubectl.Debian120)]
    public async Task ExecOverSpdy_WorksForKubectlsBefore130(string binary)
    {
        Assert.SkipUnless(File.Exists(binary) && File.Exists(Kubectl.Newest), $"{binary} is not installed");
        var kubectl = new Kubectl(binary, _node.KubeconfigPath);
        Assert.Contains("pod/box created", await _node.Kubectl.RunAsync("apply", "-f", await _node.WriteFileAsync("box.yaml", Box)));
        await _node.Kubectl.RunAsync("wait", "--for=condition=Ready", "pod/box", "--timeout=60s");

        var failing = await kubectl.TryRunAsync("exec", "box", "--", "sh", "-c", "echo out; echo err >&2; exit 3");
        Assert.Equal((3, "out\n"), (failing.ExitCode, failing.StandardOutput));
        Assert.StartsWith("err\n", failing.StandardError);
        Assert.Contains("command terminated with exit code 3", failing.StandardError);
        var echoed = await kubectl.TryRunWithInputAsync("hello\nworld\n", "exec", "-i", "box", "--", "cat");
        Assert.Equal((0, "hello\nworld\n"), (echoed.ExitCode, echoed.StandardOutput));
        await kubectl.RunAsync("cp", await _node.WriteFileAsync("spdy-copy.txt", "over spdy\n"), "box:/tmp/spdy.txt");
        Assert.Equal("over spdy\n", await kubectl.RunAsync("exec", "box", "--", "cat", "/tmp/spdy.txt"));
    }

    private const string Waiter = """
        apiVersion: v1
        kind: Pod
        metadata: {name: waiter}
        spec:
          restartPolicy: Never
          containers: [{name: main, image: actors/busybox:1, command: ["sh", "-c", "echo first; while [ ! -e /tmp/go ]; do sleep 0.1; done; echo second"]}]
        """;

    /// <summary>kubectl logs -f shows a line as the container writes it and ends when the container does.</summary>
    [Fact]
    public async Task LogsFollow_ShowsEachLineAsWritten_AndEndsWithTheContainer()
    {
        Assert.SkipUnless(File.Exists(Kubectl.Newest), $"{Kubectl.Newest} is not installed");
        Assert.Contains("pod/waiter created", await _node.Kubectl.RunAsync("apply", "-f", await _node.WriteFileAsync("waiter.yaml", Waiter)));
        await _node.Kubectl.RunAsync("wait", "--for=condition=Ready", "pod/waiter", "--timeout=60s");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        var start = new ProcessStartInfo(Kubectl.Newest) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--kubeconfig=" + _node.KubeconfigPath, "logs", "-f", "waiter" })
        {
            start.ArgumentList.Add(argument);
        }
        using var follower = Process.Start(start)!;

        Assert.Equal("first", await follower.StandardOutput.ReadLineAsync(deadline.Token));
        await _node.Kubectl.RunAsync("exec", "waiter", "--", "touch", "/tmp/go");
        Assert.Equal("second", await follower.StandardOutput.ReadLineAsync(deadline.Token));
        await follower.WaitForExitAsync(deadline.Token);
        Assert.Equal(0, follower.ExitCode);
    }

    /// <summary>kubectl top reads what the engine measured: a busy container's CPU, an idle one's next to nothing, the node's own use.</summary>
    [Fact]
    public async Task Top_ShowsTheCpuAndMemoryThePodsAndTheNodeUse()
    {
        Assert.SkipUnless(File.Exists(Kubectl.Newest), $"{Kubectl.Newest} is not installed");
        await _node.Kubectl.RunAsync("run", "busy", "--image=actors/busybox:1", "--", "sh", "-c", "while true; do :; done");
        await _node.Kubectl.RunAsync("run", "still", "--image=actors/busybox:1", "--", "sleep", "3600");
        await _node.Kubectl.RunAsync("wait", "--for=condition=Ready", "pod/busy", "pod/still", "--timeout=60s");

        var top = await _node.Kubectl.RunAsync("top", "pod", "--no-headers");
        var cpu = top.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(f => f[0], f => int.Parse(f[1].TrimEnd('m'), CultureInfo.InvariantCulture));
        // A spinning shell takes a good part of a core even on a loaded machine; a sleeping one next to none.
        Assert.True(cpu["busy"] >= 200, top);
        Assert.True(cpu["still"] < 50, top);
        Assert.Equal(["busy", "still"], cpu.Keys.Order());

        var memory = await _node.Kubectl.RunAsync("get", "--raw", "/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/still");
        Assert.Matches("\"memory\":\"[1-9][0-9]*(Ki)?\"", memory);
        var node = await _node.Kubectl.RunAsync("top", "node", "--no-headers");
        Assert.Matches($@"^{_node.Name}\s+[1-9][0-9]*m\s+\d+%\s+[1-9][0-9]*Mi\s+\d+%", node.Trim());
    }

    /// <summary>Runs a command in the probed pod's container with kubectl exec; it must succeed.</summary>
    private async Task ExecAsync(params string[] command)
    {
        var (exitCode, _, stderr) = await _node.Kubectl.TryRunAsync(["exec", "probed", "--", .. command]);
        Assert.True(exitCode == 0, $"kubectl exec probed -- {string.Join(' ', command)} exited {exitCode}: {stderr}");
    }
}
