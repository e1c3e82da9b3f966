using Actors.TestSupport;

namespace Actors.Silo.Tests.EndToEnd;

/// <summary>
/// Debian's python3-kubernetes (22.6) runs EndToEnd/python/client_workflow.py against a real <c>actors server</c>
/// on hollow nodes with the kubeconfig the server wrote, TLS verification on; the script prints one fact per step.
/// </summary>
[Trait("Category", "E2E")]
public sealed class PythonClientTests
{
    [Fact]
    public async Task PythonClient_CreatesListsWatchesPatchesAndDeletesADeployment()
    {
        Assert.SkipUnless(PythonScript.ClientInstalled, "python3-kubernetes is not installed: run deploy/install-packages.sh");
        await using var cluster = await HollowCluster.StartAsync();

        var facts = await PythonScript.RunAsync("client_workflow.py", cluster.KubeconfigPath, "default", "py");

        Assert.Equal("True", facts["verify_ssl"]);
        Assert.StartsWith("py replicas=2 uid=", facts["created"]);
        Assert.Equal("409 AlreadyExists", facts["duplicate"]);
        Assert.Matches(@"^[0-2] pods, list resourceVersion set=True$", facts["listed"]);
        Assert.Matches(@"^py-\S+ py-\S+$", facts["running"]);
        Assert.Equal("replicas=3 generation=2", facts["patched"]);
        Assert.Equal("3", facts["running after patch"]);
        Assert.Equal("Success", facts["deleted"]);
        Assert.Equal("404 NotFound", facts["read after delete"]);
        Assert.Equal("0", facts["pods after delete"]);
        var pods = await cluster.KubectlFor(Kubectl.Newest).RunAsync("get", "pods,rs,deployments", "-o", "name");
        Assert.Equal("", pods.Trim());
    }
}
