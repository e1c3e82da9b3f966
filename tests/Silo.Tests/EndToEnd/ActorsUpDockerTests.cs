using System.Diagnostics;
using Actors.NodeAgent.Docker;
using Actors.TestSupport;

namespace Actors.Silo.Tests.EndToEnd;

/// <summary>
/// `actors up` against the real Docker engine, driven by the real kubectl: pods become containers (a sandbox
/// per pod holding its IP), serve HTTP on their pod IP, restart when killed, back off when they keep failing,
/// report a missing image, survive a restart of the process (adopted, not restarted), and leave nothing behind.
/// </summary>
[Trait("Category", "Docker")]
[Collection(DockerNodeCollection.Name)]
public sealed class ActorsUpDockerTests : IAsyncLifetime
{
    private const string Kubectl = "/usr/lib/google-cloud-sdk/bin/kubectl.1.33";

    private readonly TempDirectory _directory = new();
    private readonly string _node = "up-" + Guid.NewGuid().ToString("N")[..8];
    private readonly DockerClient _docker = new();
    private readonly Dictionary<string, string> _environment = new() { ["ACTORS_MEMBERSHIP_PROFILE"] = "test" };
    private ActorsServerProcess? _up;

    private string Kubeconfig => Path.Combine(_directory.Path, "kubeconfig");

    private const string Web = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - name: httpd
                image: actors/busybox:1
                command: ["sh", "-c", "echo $POD_NAME > /tmp/index.html; exec httpd -f -p 8080 -h /tmp"]
                env:
                - name: POD_NAME
                  valueFrom: {fieldRef: {fieldPath: metadata.name}}
        ---
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

    public async ValueTask InitializeAsync() => _up = await StartUpAsync();

    public async ValueTask DisposeAsync()
    {
        if (_up is not null)
        {
            // Gracefully, so that the node takes the cluster IPs it put on loopback off again.
            await _up.StopAsync(TimeSpan.FromSeconds(30));
            await _up.DisposeAsync();
        }
        await RemoveNodeContainersAsync();
        _docker.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Pods_RunAsContainers_ServeOnTheirIPs_Restart_BackOff_AndSurviveARestartOfTheProcess()
    {
        Assert.SkipUnless(File.Exists(Kubectl), $"{Kubectl} is not installed");
        var nodes = await RunAsync("get", "nodes", "-o", "wide");
        Assert.Matches($@"{_node}\s+Ready", nodes);
        Assert.Contains("docker://", nodes);

        var manifest = Path.Combine(_directory.Path, "web.yaml");
        await File.WriteAllTextAsync(manifest, Web, TestContext.Current.CancellationToken);
        Assert.Contains("deployment.apps/web created", await RunAsync("apply", "-f", manifest));
        Assert.Contains("successfully rolled out", await RunAsync("rollout", "status", "deployment/web", "--timeout=60s"));

        // One sandbox and one app container per pod, each labelled with its pod.
        var containers = await NodeContainersAsync();
        var webPods = (await RunAsync("get", "pods", "-l", "app=web", "-o", "jsonpath={range .items[*]}{.metadata.name} {.status.podIP}{\"\\n\"}{end}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToList();
        Assert.Equal(3, webPods.Count);
        foreach (var pod in webPods)
        {
            Assert.Equal(2, containers.Count(c => c.Labels?.GetValueOrDefault("io.kubernetes.pod.name") == pod[0] && c.State == "running"));
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var pod in webPods)
        {
            Assert.Equal(pod[0], (await http.GetStringAsync($"http://{pod[1]}:8080/index.html", TestContext.Current.CancellationToken)).Trim());
        }

        // docker kill: the agent restarts the container and counts it.
        var victim = webPods[0][0];
        var app = containers.Single(c => c.Labels?.GetValueOrDefault("io.kubernetes.pod.name") == victim && c.Labels?.GetValueOrDefault("io.kubernetes.container.name") == "httpd");
        Assert.True((await _docker.KillContainerAsync(app.Id, "KILL", TestContext.Current.CancellationToken)).IsOk);
        await Eventually.WaitAsync($"{victim} restarted once and Running", async () =>
            await RunAsync("get", "pod", victim, "-o", "jsonpath={.status.containerStatuses[0].restartCount} {.status.phase}") == "1 Running",
            TimeSpan.FromSeconds(30));
        Assert.Equal("137", await RunAsync("get", "pod", victim, "-o", "jsonpath={.status.containerStatuses[0].lastState.terminated.exitCode}"));

        await Eventually.WaitAsync("crasher in CrashLoopBackOff after restarts", async () =>
        {
            var status = await RunAsync("get", "pod", "crasher", "-o", "jsonpath={.status.containerStatuses[0].state.waiting.reason} {.status.containerStatuses[0].restartCount}");
            return status.StartsWith("CrashLoopBackOff ", StringComparison.Ordinal) && int.Parse(status.Split(' ')[1]) >= 2;
        }, TimeSpan.FromSeconds(60));
        Assert.Contains("failing", await RunAsync("logs", "crasher", "--previous"));
        await Eventually.WaitAsync("missing-image waiting on its image", async () =>
            (await RunAsync("get", "pod", "missing-image", "-o", "jsonpath={.status.containerStatuses[0].state.waiting.reason}")) is "ErrImagePull" or "ImagePullBackOff",
            TimeSpan.FromSeconds(30));

        // A restart of the process adopts the running containers instead of starting new ones.
        var running = (await NodeContainersAsync()).Where(c => c.State == "running" && c.Labels?.GetValueOrDefault("io.kubernetes.pod.name") != "crasher").Select(c => c.Id).Order().ToList();
        await _up!.StopAsync(TimeSpan.FromSeconds(30));
        _up = await StartUpAsync();
        await Eventually.WaitAsync("the node Ready again", async () => (await RunAsync("get", "nodes")).Contains(" Ready"), TimeSpan.FromSeconds(30));
        await Eventually.WaitAsync("the web pods Running after the restart", async () =>
            (await RunAsync("get", "pods", "-l", "app=web", "-o", "jsonpath={.items[*].status.phase}")) == "Running Running Running", TimeSpan.FromSeconds(30));
        var after = (await NodeContainersAsync()).Where(c => c.State == "running" && c.Labels?.GetValueOrDefault("io.kubernetes.pod.name") != "crasher").Select(c => c.Id).Order().ToList();
        Assert.Equal(running, after);

        Assert.Contains("deleted", await RunAsync("delete", "-f", manifest));
        await Eventually.WaitAsync("every pod and container gone", async () =>
            (await RunAsync("get", "pods", "-o", "name")).Trim().Length == 0 && (await NodeContainersAsync()).Count == 0,
            TimeSpan.FromSeconds(60), () => _up!.Output);
    }

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
        Assert.SkipUnless(File.Exists(Kubectl), $"{Kubectl} is not installed");
        var manifest = Path.Combine(_directory.Path, "probed.yaml");
        await File.WriteAllTextAsync(manifest, Probed, TestContext.Current.CancellationToken);
        Assert.Contains("pod/probed created", await RunAsync("apply", "-f", manifest));
        await Eventually.WaitAsync("probed Running but not Ready (no /ready yet)", async () =>
            await RunAsync("get", "pod", "probed", "-o", "jsonpath={.status.phase} {.status.containerStatuses[0].ready}") == "Running false",
            TimeSpan.FromSeconds(30));

        await ExecAsync("sh", "-c", "touch /www/ready");
        await Eventually.WaitAsync("probed Ready once /ready answers", async () =>
            await RunAsync("get", "pod", "probed", "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}") == "True", TimeSpan.FromSeconds(20));

        await ExecAsync("sh", "-c", "rm /www/alive");
        await Eventually.WaitAsync("probed restarted by its liveness probe, not ready again", async () =>
            await RunAsync("get", "pod", "probed", "-o", "jsonpath={.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].ready}") == "1 false",
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
            command: ["sh", "-c", "echo color=$COLOR password=$PASSWORD pod=$POD tier=$TIER; cat /etc/app/app.conf; echo; cat /etc/creds/password; echo; echo scratch > /scratch/f && cat /scratch/f"]
            env:
            - {name: COLOR, valueFrom: {configMapKeyRef: {name: settings, key: color}}}
            - {name: PASSWORD, valueFrom: {secretKeyRef: {name: creds, key: password}}}
            - {name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
            - {name: TIER, valueFrom: {fieldRef: {fieldPath: "metadata.labels['tier']"}}}
            volumeMounts:
            - {name: config, mountPath: /etc/app}
            - {name: secret, mountPath: /etc/creds}
            - {name: scratch, mountPath: /scratch}
          volumes:
          - {name: config, configMap: {name: settings}}
          - {name: secret, secret: {secretName: creds}}
          - {name: scratch, emptyDir: {}}
        """;

    /// <summary>Environment from a ConfigMap, a Secret and the pod's own fields, and ConfigMap, Secret and emptyDir volumes, in a real container.</summary>
    [Fact]
    public async Task ConfigMapsSecretsAndFields_ReachTheContainer_AsEnvironmentAndFiles()
    {
        Assert.SkipUnless(File.Exists(Kubectl), $"{Kubectl} is not installed");
        var manifest = Path.Combine(_directory.Path, "configured.yaml");
        await File.WriteAllTextAsync(manifest, Configured, TestContext.Current.CancellationToken);
        Assert.Contains("pod/configured created", await RunAsync("apply", "-f", manifest));
        await Eventually.WaitAsync("configured Succeeded", async () =>
            await RunAsync("get", "pod", "configured", "-o", "jsonpath={.status.phase}") == "Succeeded", TimeSpan.FromSeconds(30));
        var lines = (await RunAsync("logs", "configured")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["color=blue password=s3cret pod=configured tier=back", "mode=fast", "s3cret", "scratch"], lines);
    }

    private async Task ExecAsync(params string[] command)
    {
        var app = (await NodeContainersAsync()).Single(c => c.State == "running" && c.Labels?.GetValueOrDefault("io.kubernetes.container.name") == "web");
        var result = await _docker.ExecAsync(app.Id, command, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(result.IsOk && result.Value!.ExitCode == 0, result.ToString());
    }

    private async Task<ActorsServerProcess> StartUpAsync()
    {
        var up = await ActorsServerProcess.StartCommandAsync("up", _node, _directory.Path, _environment, FreePort.Next());
        await Eventually.WaitAsync("the node registered and the kubeconfig written", () =>
            up.Output.Contains("runs pods on the Docker engine", StringComparison.Ordinal) && File.Exists(Kubeconfig), TimeSpan.FromSeconds(30), () => up.Output);
        return up;
    }

    private async Task<IReadOnlyList<ContainerSummary>> NodeContainersAsync()
    {
        var listed = await _docker.ListContainersAsync(all: true, [$"io.actors.node={_node}"], TestContext.Current.CancellationToken);
        Assert.True(listed.IsOk, listed.ToString());
        return listed.Value!;
    }

    private async Task RemoveNodeContainersAsync()
    {
        var listed = await _docker.ListContainersAsync(all: true, [$"io.actors.node={_node}"]);
        foreach (var container in listed.Value ?? [])
        {
            await _docker.RemoveContainerAsync(container.Id, force: true);
        }
    }

    private async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Kubectl) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(Kubeconfig);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (await output) + (await error);
    }
}
