using System.Text;

namespace Actors.Gateway.Security;

/// <summary>Renders a kubeconfig (YAML) that points kubectl at the gateway with the cluster CA and a bearer token.</summary>
internal static class Kubeconfig
{
    public const string DefaultName = "actors";

    public static string Render(string serverUrl, string caPem, string token, string name = DefaultName, string ns = "default")
    {
        var caData = Convert.ToBase64String(Encoding.UTF8.GetBytes(caPem));
        var builder = new StringBuilder();
        builder.Append("apiVersion: v1\n");
        builder.Append("kind: Config\n");
        builder.Append("clusters:\n");
        builder.Append($"- name: {Quote(name)}\n");
        builder.Append("  cluster:\n");
        builder.Append($"    server: {Quote(serverUrl)}\n");
        builder.Append($"    certificate-authority-data: {caData}\n");
        builder.Append("users:\n");
        builder.Append($"- name: {Quote(name)}\n");
        builder.Append("  user:\n");
        builder.Append($"    token: {Quote(token)}\n");
        builder.Append("contexts:\n");
        builder.Append($"- name: {Quote(name)}\n");
        builder.Append("  context:\n");
        builder.Append($"    cluster: {Quote(name)}\n");
        builder.Append($"    user: {Quote(name)}\n");
        builder.Append($"    namespace: {Quote(ns)}\n");
        builder.Append($"current-context: {Quote(name)}\n");
        builder.Append("preferences: {}\n");
        return builder.ToString();
    }

    // Double-quoted YAML scalars, so a token starting with '-' or a URL with ':' can never change the structure.
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
