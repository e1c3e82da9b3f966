using System.Diagnostics;
using Actors.TestSupport;

namespace Actors.Silo.Tests.EndToEnd;

/// <summary>
/// kubectl port-forward to a pod on the real Docker engine: over SPDY on the upgraded connection (kubectl 1.27) and
/// inside WebSocket (kubectl 1.33), several connections in turn, each reaching the pod's port; a port nothing
/// listens on is reported by kubectl through the error stream. The Python client's WebSocket channels likewise.
/// </summary>
[Trait("Category", "Docker")]
[Collection(DockerNodeCollection.Name)]
public sealed class PortForwardDockerTests : IAsyncLifetime
{
    private UpNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await UpNode.StartAsync("pf-");

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task PortForward_ReachesThePodsPort_OverSpdyAndOverWebSocket()
    {
        Assert.SkipUnless(File.Exists(Kubectl.Newest) && File.Exists(Kubectl.Oldest), "kubectl 1.27 and 1.33 are needed");
        await _node.Kubectl.RunAsync("run", "web", "--image=actors/busybox:1", "--", "sh", "-c", "mkdir /www; echo hi-from-web > /www/index.html; exec httpd -f -p 8080 -h /www");
        await _node.Kubectl.RunAsync("wait", "--for=condition=Ready", "pod/web", "--timeout=60s");

        foreach (var binary in new[] { Kubectl.Oldest, Kubectl.Newest })
        {
            var port = FreePort.Next();
            var closedPort = FreePort.Next();
            using var forward = Start(binary, "port-forward", "pod/web", $"{port}:8080", $"{closedPort}:9999");
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(60));
            // kubectl opens its local listeners one after the other and says so for each.
            var listening = new List<string>();
            try
            {
                while (!listening.Contains($"Forwarding from 127.0.0.1:{closedPort} -> 9999"))
                {
                    listening.Add(await forward.StandardOutput.ReadLineAsync(deadline.Token) ?? throw new InvalidOperationException("its output ended"));
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or InvalidOperationException)
            {
                forward.Kill();
                Assert.Fail($"{binary} port-forward did not listen ({exception.Message}): {string.Join('\n', listening)}\n"
                    + $"{await forward.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}\n{_node.Process.Output}");
            }
            Assert.Contains($"Forwarding from 127.0.0.1:{port} -> 8080", listening);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            http.DefaultRequestHeaders.ConnectionClose = true;
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal("hi-from-web\n", await http.GetStringAsync($"http://127.0.0.1:{port}/index.html", deadline.Token));
            }

            // Nothing listens on 9999 in the pod: the connection fails, kubectl prints the error stream's text and,
            // as kubectl does since 1.23 on such an error, closes the whole forward.
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetStringAsync($"http://127.0.0.1:{closedPort}/", deadline.Token));
            await forward.WaitForExitAsync(deadline.Token);
            Assert.Contains("error forwarding port 9999 to pod web", await forward.StandardError.ReadToEndAsync(deadline.Token));
        }

        // The Python client forwards over WebSocket channels instead.
        if (PythonScript.ClientInstalled)
        {
            var facts = await PythonScript.RunAsync("portforward_workflow.py", _node.KubeconfigPath, "default", "web", "8080", "9999");
            Assert.Equal("'hi-from-web\\n'", facts["body"]);
            Assert.Contains("error forwarding port 9999 to pod web", facts["closed port error"]);
        }
    }

    private Process Start(string binary, params string[] arguments)
    {
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments.Prepend("--kubeconfig=" + _node.KubeconfigPath))
        {
            start.ArgumentList.Add(argument);
        }
        return Process.Start(start)!;
    }
}
