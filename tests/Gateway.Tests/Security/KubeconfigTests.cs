using System.Text;
using Actors.Gateway.Security;

namespace Actors.Gateway.Tests.Security;

[Trait("Category", "Unit")]
public sealed class KubeconfigTests
{
    [Fact]
    public void Render_ProducesKubeconfigForActorsContext()
    {
        const string CaPem = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";

        var yaml = Kubeconfig.Render("https://127.0.0.1:6443", CaPem, "-tok_en");

        var caData = Convert.ToBase64String(Encoding.UTF8.GetBytes(CaPem));
        Assert.Equal(
            $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: "actors"
              cluster:
                server: "https://127.0.0.1:6443"
                certificate-authority-data: {caData}
            users:
            - name: "actors"
              user:
                token: "-tok_en"
            contexts:
            - name: "actors"
              context:
                cluster: "actors"
                user: "actors"
                namespace: "default"
            current-context: "actors"
            preferences: {"{}"}

            """,
            yaml);
    }
}
