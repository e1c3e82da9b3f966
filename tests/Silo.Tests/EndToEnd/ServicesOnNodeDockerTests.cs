using System.Diagnostics;
using System.Net.NetworkInformation;
using System.Text.RegularExpressions;
using Actors.TestSupport;

namespace Actors.Silo.Tests.EndToEnd;

/// <summary>
/// Services on a node of `actors up` against the real Docker engine, driven by kubectl: a NodePort on loopback
/// balances over the ready pods, pods reach the Service by short and full DNS names and by cluster IP, a pod taken
/// out of the Endpoints gets no more connections, and a deleted Service or a stopped node leaves nothing on loopback;
/// neither does a killed node once it is back and the Service is gone.
/// The Service has no selector and the test writes its Endpoints, so the endpoints are exactly the ones named here.
/// </summary>
[Trait("Category", "Docker")]
[Collection(DockerNodeCollection.Name)]
public sealed class ServicesOnNodeDockerTests : IAsyncLifetime
{

    private UpNode _node = null!;
    private readonly string _clusterIP = $"10.{96 + Random.Shared.Next(16)}.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(2, 255)}";
    private readonly int _nodePort = Random.Shared.Next(30000, 32768);
    private const string KubernetesServiceIP = "10.96.0.1";

    private readonly bool _kubernetesIPWasThere = OnLoopback(KubernetesServiceIP);


    private string Web => UpNode.HttpdDeployment + $$$"""
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          type: NodePort
          clusterIP: {{{_clusterIP}}}
          ports: [{name: http, port: 80, targetPort: 8080, nodePort: {{{_nodePort}}}}]
        """;

    public async ValueTask InitializeAsync() => _node = await UpNode.StartAsync("svc-");

    public async ValueTask DisposeAsync()
    {
        // Gracefully (UpNode stops it so), so that the node takes its cluster IPs, this test's and the kubernetes Service's, off loopback.
        await _node.DisposeAsync();
        if (OnLoopback(_clusterIP))
        {
            using var remove = Process.Start("ip", ["addr", "del", $"{_clusterIP}/32", "dev", "lo"]);
            await remove.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_NodePort_service_balances_over_its_endpoints_and_pods_reach_it_by_name_and_cluster_IP()
    {
        Assert.SkipUnless(File.Exists(Kubectl.Newest), $"{Kubectl.Newest} is not installed");
        var manifest = await _node.WriteFileAsync("web.yaml", Web);
        Assert.Contains("deployment.apps/web created", await _node.Kubectl.RunAsync("apply", "-f", manifest));
        Assert.Contains("successfully rolled out", await _node.Kubectl.RunAsync("rollout", "status", "deployment/web", "--timeout=60s"));
        var pods = (await _node.Kubectl.RunAsync("get", "pods", "-l", "app=web", "-o", "jsonpath={range .items[*]}{.metadata.name} {.status.podIP}{\"\\n\"}{end}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(3, pods.Count);
        await WriteEndpointsAsync(pods.Values);

        // Nine connections in a row go round the three endpoints: three each.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.ConnectionClose = true;
        var nodePort = $"http://127.0.0.1:{_nodePort}/index.html";
        await Eventually.WaitAsync("the NodePort answering from a web pod", async () => pods.ContainsKey(await GetAsync(http, nodePort)), TimeSpan.FromSeconds(30), () => _node.Process.Output);
        var answers = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            answers.Add(await GetAsync(http, nodePort));
        }
        Assert.Equal(pods.Keys.Order(), answers.Distinct().Order());
        Assert.All(answers.GroupBy(a => a), group => Assert.Equal(3, group.Count()));
        Assert.True(OnLoopback(_clusterIP), $"{_clusterIP} is not on lo");

        // From inside the cluster: the short name, namespace-qualified, fully qualified, the cluster IP, and the NodePort on the gateway.
        var clientLog = await RunClientAsync(["web", "web.default", "web.default.svc.cluster.local", _clusterIP]);
        Assert.Contains("search default.svc.cluster.local svc.cluster.local cluster.local", clientLog);
        Assert.Contains("options ndots:5", clientLog);
        foreach (var target in new[] { "web", "web.default", "web.default.svc.cluster.local", _clusterIP })
        {
            Assert.True(Regex.IsMatch(clientLog, $@"(?m)^{Regex.Escape(target)}=({string.Join('|', pods.Keys)})$"), $"{target} not reached:\n{clientLog}");
        }

        // Out of the Endpoints, out of rotation: three connections in a row would have reached it had it still been in.
        var (gone, goneIP) = pods.First();
        await WriteEndpointsAsync(pods.Where(p => p.Key != gone).Select(p => p.Value));
        await Eventually.WaitAsync($"three connections in a row without {gone}", async () =>
        {
            var round = new[] { await GetAsync(http, nodePort), await GetAsync(http, nodePort), await GetAsync(http, nodePort) };
            return !round.Contains(gone);
        }, TimeSpan.FromSeconds(30));
        Assert.Contains("deleted", await _node.Kubectl.RunAsync("delete", "pod", gone, "--wait=true"));
        var after = new[] { await GetAsync(http, nodePort), await GetAsync(http, nodePort), await GetAsync(http, nodePort), await GetAsync(http, nodePort) };
        Assert.DoesNotContain(gone, after);
        Assert.Equal(2, after.Distinct().Count());
        Assert.NotEqual("", goneIP);

        // The Service gone: its cluster IP leaves loopback and its NodePort stops listening.
        Assert.Contains("deleted", await _node.Kubectl.RunAsync("delete", "service", "web"));
        await Eventually.WaitAsync($"{_clusterIP} off lo and the NodePort closed", async () => !OnLoopback(_clusterIP) && !await AcceptsAsync(_nodePort), TimeSpan.FromSeconds(30));

        // A graceful stop takes the kubernetes Service's cluster IP off loopback too, unless something else had put it there.
        Assert.True(OnLoopback(KubernetesServiceIP), $"{KubernetesServiceIP} is not on lo");
        await _node.StopAsync();
        Assert.True(_kubernetesIPWasThere || !OnLoopback(KubernetesServiceIP), $"{KubernetesServiceIP} is still on lo after the node stopped");
    }

    [Fact]
    public async Task A_node_killed_with_its_cluster_IPs_on_loopback_takes_them_off_after_its_restart_once_no_Service_wants_them()
    {
        Assert.SkipUnless(File.Exists(Kubectl.Newest), $"{Kubectl.Newest} is not installed");
        var manifest = await _node.WriteFileAsync("service.yaml", $$$"""
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              clusterIP: {{{_clusterIP}}}
              ports: [{port: 80, targetPort: 8080}]
            """);
        Assert.Contains("service/web created", await _node.Kubectl.RunAsync("apply", "-f", manifest));
        await Eventually.WaitAsync($"{_clusterIP} on lo", () => OnLoopback(_clusterIP), TimeSpan.FromSeconds(30), () => _node.Process.Output);

        await _node.KillAndStartAgainAsync();
        Assert.True(OnLoopback(_clusterIP), $"{_clusterIP} left lo although its node was killed");

        Assert.Contains("deleted", await _node.Kubectl.RunAsync("delete", "service", "web"));
        await Eventually.WaitAsync($"{_clusterIP} off lo", () => !OnLoopback(_clusterIP), TimeSpan.FromSeconds(30), () => _node.Process.Output);
    }

    [Fact]
    public async Task A_UDP_service_answers_on_its_cluster_IP_and_node_port()
    {
        Assert.SkipUnless(File.Exists(Kubectl.Newest), $"{Kubectl.Newest} is not installed");
        using var echo = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var echoPort = ((System.Net.IPEndPoint)echo.Client.LocalEndPoint!).Port;
        _ = Task.Run(async () =>
        {
            while (true)
            {
                var received = await echo.ReceiveAsync(TestContext.Current.CancellationToken);
                byte[] reply = [.. "echo:"u8, .. received.Buffer];
                await echo.SendAsync(reply, received.RemoteEndPoint, TestContext.Current.CancellationToken);
            }
        }, TestContext.Current.CancellationToken);
        var manifest = await _node.WriteFileAsync("udp.yaml", $$$"""
            apiVersion: v1
            kind: Service
            metadata: {name: echo}
            spec:
              type: NodePort
              clusterIP: {{{_clusterIP}}}
              ports: [{name: echo, protocol: UDP, port: 5353, nodePort: {{{_nodePort}}}}]
            ---
            apiVersion: v1
            kind: Endpoints
            metadata: {name: echo}
            subsets: [{addresses: [{ip: 127.0.0.1}], ports: [{name: echo, protocol: UDP, port: {{{echoPort}}}}]}]
            """);
        Assert.Contains("service/echo created", await _node.Kubectl.RunAsync("apply", "-f", manifest));

        foreach (var target in new[] { $"{_clusterIP}:5353", $"127.0.0.1:{_nodePort}" })
        {
            using var client = new System.Net.Sockets.UdpClient();
            var endpoint = System.Net.IPEndPoint.Parse(target);
            var answer = "";
            await Eventually.WaitAsync($"an answer through {target}", async () =>
            {
                await client.SendAsync("ping"u8.ToArray(), endpoint, TestContext.Current.CancellationToken);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
                wait.CancelAfter(TimeSpan.FromMilliseconds(500));
                var received = await client.ReceiveAsync(wait.Token);
                answer = System.Text.Encoding.ASCII.GetString(received.Buffer);
                return received.RemoteEndPoint.Equals(endpoint) && answer == "echo:ping";
            }, TimeSpan.FromSeconds(30), () => answer + "\n" + _node.Process.Output);
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new System.Net.Sockets.TcpClient();
        try
        {
            await client.ConnectAsync(System.Net.IPAddress.Loopback, port, TestContext.Current.CancellationToken);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private async Task WriteEndpointsAsync(IEnumerable<string> addresses)
    {
        var list = string.Join(", ", addresses.Select(a => $"{{ip: {a}}}"));
        var path = await _node.WriteFileAsync("endpoints.yaml", $$"""
            apiVersion: v1
            kind: Endpoints
            metadata: {name: web}
            subsets: [{addresses: [{{list}}], ports: [{name: http, port: 8080, protocol: TCP}]}]
            """);
        var applied = await _node.Kubectl.RunAsync("apply", "-f", path);
        Assert.Contains("endpoints/web", applied);
    }

    /// <summary>
    /// Runs a client pod that prints its resolv.conf and, per target, the page it got; returns its log. The image's
    /// wget crashes in its libc resolver, and its nslookup searches only names without dots, so the client walks
    /// the pod's search path itself as a libc resolver does with ndots:5 (every name here has fewer dots), asks
    /// busybox's own nslookup, and speaks HTTP through nc.
    /// </summary>
    private async Task<string> RunClientAsync(IReadOnlyList<string> targets)
    {
        var script = $$"""
            cat /etc/resolv.conf
            search=$(awk '/^search/ {$1=""; print}' /etc/resolv.conf)
            resolve() {
              for d in $search ""; do
                a=$(nslookup -type=a "$1${d:+.$d}" 2>/dev/null | awk '/^Name:/ {n=1} n && /^Address:/ {print $2; exit}')
                if [ -n "$a" ]; then echo "$a"; return; fi
              done
            }
            for t in {{string.Join(' ', targets)}}; do
              case $t in
                [0-9]*) ip=$t ;;
                *) ip=$(resolve $t) ;;
              esac
              echo "$t=$(printf 'GET /index.html HTTP/1.0\r\n\r\n' | nc -w 5 $ip 80 | tail -n 1)"
            done
            """;
        var path = await _node.WriteFileAsync("client.yaml", $$"""
            apiVersion: v1
            kind: Pod
            metadata: {name: client}
            spec:
              restartPolicy: Never
              terminationGracePeriodSeconds: 1
              containers: [{name: wget, image: actors/busybox:1, command: ["sh", "-c", {{System.Text.Json.JsonSerializer.Serialize(script)}}]}]
            """);
        Assert.Contains("pod/client created", await _node.Kubectl.RunAsync("apply", "-f", path));
        await Eventually.WaitAsync("the client pod finished", async () =>
            await _node.Kubectl.RunAsync("get", "pod", "client", "-o", "jsonpath={.status.phase}") is "Succeeded" or "Failed", TimeSpan.FromSeconds(60), () => _node.Process.Output);
        return await _node.Kubectl.RunAsync("logs", "client");
    }

    private static async Task<string> GetAsync(HttpClient http, string url) =>
        (await http.GetStringAsync(url, TestContext.Current.CancellationToken)).Trim();

    private static bool OnLoopback(string address) =>
        NetworkInterface.GetAllNetworkInterfaces().Where(n => n.Name == "lo")
            .SelectMany(n => n.GetIPProperties().UnicastAddresses).Any(a => a.Address.ToString() == address);
}
