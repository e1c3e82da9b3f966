using Actors.TestSupport;

namespace Actors.Silo.Tests.EndToEnd;

/// <summary>The real kubectl against a real `actors server` process on SQLite, trusting the cluster CA from the kubeconfig it writes.</summary>
[Trait("Category", "E2E")]
public sealed class KubectlAgainstServerTests
{
    [Fact]
    public async Task Kubectl_SeesTheBootObjects_AndCreatesADeploymentWhosePodsWaitForNodes()
    {
        await using var cluster = await HollowCluster.StartAsync(kubectl: null);
        var kubectl = cluster.KubectlFor(Kubectl.Newest);
        Assert.DoesNotContain("insecure-skip-tls-verify", await File.ReadAllTextAsync(cluster.KubeconfigPath, TestContext.Current.CancellationToken));

        var namespaces = await kubectl.RunAsync("get", "namespaces");
        foreach (var name in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            Assert.Contains(name, namespaces);
        }
        Assert.Contains("kubernetes", await kubectl.RunAsync("get", "service", "-n", "default"));

        Assert.Contains("deployment.apps/web created", await kubectl.RunAsync("create", "deployment", "web", "--image=busybox:1", "--replicas=2"));
        await Eventually.WaitAsync("two pods of web, unschedulable without nodes", async () =>
        {
            var pods = await kubectl.RunAsync("get", "pods", "-l", "app=web", "-o", "jsonpath={range .items[*]}{.status.conditions[0].reason}{\"\\n\"}{end}");
            return pods.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l == "Unschedulable") == 2;
        }, TimeSpan.FromSeconds(30));

        await AssertDashboardLoginLinkWorksOnceAsync(cluster.DataDirectory, cluster.Server.ApiPort);

        Assert.Contains("deployment.apps \"web\" deleted", await kubectl.RunAsync("delete", "deployment", "web"));
        await Eventually.WaitAsync("the pods to go with their deployment", async () =>
            !(await kubectl.RunAsync("get", "pods", "-o", "name")).Contains("pod/web-"), TimeSpan.FromSeconds(30));
    }

    /// <summary>The everyday workflow on hollow nodes: apply, rollout status, set image, history, scale, delete by file.</summary>
    [Fact]
    public async Task Kubectl_AppliesRollsOutUpdatesScalesAndDeletes_OnHollowNodes()
    {
        await using var cluster = await HollowCluster.StartAsync();
        var kubectl = cluster.KubectlFor(Kubectl.Newest);
        var web = await cluster.WriteFileAsync("web.yaml", HollowCluster.WebDeployment);

        Assert.Contains("Ready", await kubectl.RunAsync("get", "nodes"));
        Assert.Contains("deployment.apps/web created", await kubectl.RunAsync("apply", "-f", web));
        Assert.Contains("successfully rolled out", await kubectl.RunAsync("rollout", "status", "deployment/web", "--timeout=60s"));
        var wide = await kubectl.RunAsync("get", "pods", "-o", "wide");
        Assert.Equal(3, wide.Split('\n').Count(l => l.Contains("Running") && l.Contains("hollow-")));
        // kubectl top: the metrics API asks each pod's node agent, and hollow containers use nothing.
        var top = await kubectl.RunAsync("top", "pod", "-l", "app=web", "--no-headers");
        Assert.Equal(3, top.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^web-\S+\s+0m\s+0Mi\s*$")));
        Assert.Contains("hollow-1", await kubectl.RunAsync("top", "node"));
        var missing = await kubectl.TryRunAsync("top", "pod", "nothing-here");
        Assert.Contains("pods.metrics.k8s.io \"default/nothing-here\" not found", missing.StandardError);

        Assert.Contains("image updated", await kubectl.RunAsync("set", "image", "deployment/web", "web=busybox:2"));
        Assert.Contains("successfully rolled out", await kubectl.RunAsync("rollout", "status", "deployment/web", "--timeout=60s"));
        // The rollout is done when the new pods are available; the old ones finish terminating just after, as in Kubernetes.
        var images = "";
        await Eventually.WaitAsync("only the 3 new pods", async () =>
        {
            images = await kubectl.RunAsync("get", "pods", "-o", "jsonpath={.items[*].spec.containers[0].image}");
            return images.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 3;
        }, TimeSpan.FromSeconds(30), () => images);
        Assert.Equal(["busybox:2", "busybox:2", "busybox:2"], images.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var history = await kubectl.RunAsync("rollout", "history", "deployment/web");
        Assert.Contains("1 ", history);
        Assert.Contains("2 ", history);
        // The change-cause annotated once the rollout is under way (as Kubernetes' docs show) reaches revision 2's set.
        Assert.Contains("annotated", await kubectl.RunAsync("annotate", "deployment/web", "kubernetes.io/change-cause=image updated to busybox:2"));
        await Eventually.WaitAsync("revision 2 to show its change-cause", async () =>
        {
            history = await kubectl.RunAsync("rollout", "history", "deployment/web");
            return history.Split('\n').Any(l => l.StartsWith("2 ", StringComparison.Ordinal) && l.Contains("image updated to busybox:2"));
        }, TimeSpan.FromSeconds(30), () => history);

        Assert.Contains("scaled", await kubectl.RunAsync("scale", "deployment", "web", "--replicas=5"));
        await Eventually.WaitAsync("5 available replicas", async () =>
            await kubectl.RunAsync("get", "deployment", "web", "-o", "jsonpath={.status.availableReplicas}") == "5", TimeSpan.FromSeconds(30));

        Assert.Contains("deleted", await kubectl.RunAsync("delete", "-f", web));
        await Eventually.WaitAsync("the ReplicaSets and pods to go", async () =>
            (await kubectl.RunAsync("get", "rs,pods", "-o", "name")).Trim().Length == 0, TimeSpan.FromSeconds(30));

        // A rollout whose pods can never be scheduled exceeds its progress deadline, and rollout status fails.
        var stuck = await cluster.WriteFileAsync("stuck.yaml", StuckDeployment);
        Assert.Contains("deployment.apps/stuck created", await kubectl.RunAsync("apply", "-f", stuck));
        var status = await kubectl.TryRunAsync("rollout", "status", "deployment/stuck", "--timeout=60s");
        Assert.True(status.ExitCode != 0, status.StandardOutput);
        Assert.Contains("exceeded its progress deadline", status.StandardError);
        Assert.Contains("ProgressDeadlineExceeded", await kubectl.RunAsync("get", "deployment", "stuck", "-o", "jsonpath={.status.conditions[*].reason}"));
        Assert.Contains("deleted", await kubectl.RunAsync("delete", "-f", stuck));
    }

    private const string StuckDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: stuck}
        spec:
          replicas: 1
          progressDeadlineSeconds: 1
          selector: {matchLabels: {app: stuck}}
          template:
            metadata: {labels: {app: stuck}}
            spec:
              containers: [{name: stuck, image: "busybox:1", resources: {requests: {cpu: "64"}}}]
        """;

    /// <summary>The rest of the everyday workflow: wait, restart, undo, describe with events, logs, watch, drain, server-side apply.</summary>
    [Fact]
    public async Task Kubectl_WaitsRestartsUndoesDescribesDrainsAndWatches_OnHollowNodes()
    {
        await using var cluster = await HollowCluster.StartAsync();
        var kubectl = cluster.KubectlFor(Kubectl.Newest);
        var web = await cluster.WriteFileAsync("web.yaml", HollowCluster.WebDeployment);
        Assert.Contains("deployment.apps/web serverside-applied", await kubectl.RunAsync("apply", "--server-side", "-f", web));
        Assert.Contains("condition met", await kubectl.RunAsync("wait", "--for=condition=available", "deployment/web", "--timeout=60s"));

        Assert.Contains("restarted", await kubectl.RunAsync("rollout", "restart", "deployment/web"));
        Assert.Contains("successfully rolled out", await kubectl.RunAsync("rollout", "status", "deployment/web", "--timeout=60s"));
        Assert.Contains("rolled back", await kubectl.RunAsync("rollout", "undo", "deployment/web"));
        Assert.Contains("successfully rolled out", await kubectl.RunAsync("rollout", "status", "deployment/web", "--timeout=60s"));
        // The set rolled back to is the newest revision now: 1 became 3.
        var revisions = (await kubectl.RunAsync("rollout", "history", "deployment/web")).Split('\n')
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "").Where(t => t.All(char.IsAsciiDigit) && t.Length > 0);
        Assert.Equal(["2", "3"], revisions);
        Assert.Equal("", await kubectl.RunAsync("get", "deployment", "web", "-o", "jsonpath={.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}"));

        var described = await kubectl.RunAsync("describe", "deployment", "web");
        Assert.Contains("ScalingReplicaSet", described);
        Assert.Matches(@"Replicas:\s+3 desired \| 3 updated \| 3 total \| 3 available", described);
        Assert.Contains("Scheduled", await kubectl.RunAsync("get", "events"));
        // The old ReplicaSet's pods finish terminating after the rollout reports done; logs pick any pod of the deployment.
        await Eventually.WaitAsync("only the 3 pods of the current ReplicaSet", async () =>
            (await kubectl.RunAsync("get", "pods", "-o", "name")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == 3, TimeSpan.FromSeconds(30));
        Assert.Contains("hollow container", await kubectl.RunAsync("logs", "deployment/web"));
        var watched = await kubectl.TryRunAsync("get", "pods", "-w", "--request-timeout=3s");
        Assert.True(watched.StandardOutput.Split('\n').Count(l => l.Contains("Running")) >= 3, watched.StandardOutput + watched.StandardError);

        Assert.Contains("cordoned", await kubectl.RunAsync("cordon", "hollow-1"));
        Assert.Contains("drained", await kubectl.RunAsync("drain", "hollow-1", "--ignore-daemonsets", "--timeout=60s"));
        await Eventually.WaitAsync("every live pod on hollow-2", async () =>
        {
            var nodes = (await kubectl.RunAsync("get", "pods", "-o", "jsonpath={range .items[*]}{.spec.nodeName} {.status.phase}{\"\\n\"}{end}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return nodes.Length == 3 && nodes.All(n => n == "hollow-2 Running");
        }, TimeSpan.FromSeconds(30));
        Assert.Contains("uncordoned", await kubectl.RunAsync("uncordon", "hollow-1"));
        Assert.DoesNotContain("SchedulingDisabled", await kubectl.RunAsync("get", "nodes"));

        Assert.Contains("annotated", await kubectl.RunAsync("annotate", "deployment", "web", "owner=team-a"));
        Assert.Contains("default", await kubectl.RunAsync("get", "pods", "-A"));
        Assert.Contains("secret/creds created", await kubectl.RunAsync("create", "secret", "generic", "creds", "--from-literal=password=x"));
        Assert.Equal("eA==", await kubectl.RunAsync("get", "secret", "creds", "-o", "jsonpath={.data.password}"));
        var followed = await kubectl.TryRunAsync("logs", "-f", "deployment/web", "--request-timeout=3s");
        Assert.Contains("hollow container", followed.StandardOutput);

        // A pod whose labels leave the selector is released by its ReplicaSet, which makes a replacement.
        var released = (await kubectl.RunAsync("get", "pods", "-l", "app=web", "-o", "name")).Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];
        Assert.Contains("labeled", await kubectl.RunAsync("label", released, "app-"));
        await Eventually.WaitAsync("the released pod unowned and replaced", async () =>
            await kubectl.RunAsync("get", released, "-o", "jsonpath={.metadata.ownerReferences}") == ""
            && (await kubectl.RunAsync("get", "pods", "-l", "app=web", "-o", "name")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == 3,
            TimeSpan.FromSeconds(30));
        Assert.Contains("deleted", await kubectl.RunAsync("delete", released));

        // Propagation policies: orphan keeps the ReplicaSet; foreground waits for its pods, then it goes.
        Assert.Contains("deleted", await kubectl.RunAsync("delete", "deployment", "web", "--cascade=orphan"));
        Assert.Contains("web-", await kubectl.RunAsync("get", "rs", "-l", "app=web", "-o", "name"));
        Assert.Contains("deleted", await kubectl.RunAsync("delete", "rs", "-l", "app=web", "--cascade=foreground"));
        Assert.Equal("", (await kubectl.RunAsync("get", "rs,pods", "-l", "app=web", "-o", "name")).Trim());
    }

    /// <summary>`actors dashboard` prints a one-time link: the first visit logs in, the second finds it spent.</summary>
    private static async Task AssertDashboardLoginLinkWorksOnceAsync(string dataDirectory, int apiPort)
    {
        var (exitCode, stdout, stderr) = await ActorsBinary.RunAsync(TimeSpan.FromSeconds(30), "dashboard", "--data-dir", dataDirectory, "--api-port", apiPort.ToString());
        Assert.True(exitCode == 0, stderr);
        var link = new Uri(stdout.Trim());
        using var ca = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(dataDirectory, "ca.crt")));
        using var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                using var chain = new System.Security.Cryptography.X509Certificates.X509Chain();
                chain.ChainPolicy.TrustMode = System.Security.Cryptography.X509Certificates.X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck;
                return certificate is not null && chain.Build(certificate);
            },
        };
        using var http = new HttpClient(handler);
        using var first = await http.GetAsync(link, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.SeeOther, first.StatusCode);
        Assert.EndsWith("/dashboard/", first.Headers.Location!.OriginalString);
        Assert.Contains(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith("actors-dashboard=", StringComparison.Ordinal));
        using var second = await http.GetAsync(link, TestContext.Current.CancellationToken);
        Assert.EndsWith("#login=expired", second.Headers.Location!.OriginalString);
    }
}
