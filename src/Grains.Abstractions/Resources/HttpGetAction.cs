namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes HttpGetAction type.</summary>
public sealed class HttpGetAction : ResourceModel
{
    public string? Path { get; set; }

    public IntOrString? Port { get; set; }

    public string? Host { get; set; }

    public string? Scheme { get; set; }

    public List<HttpHeader>? HttpHeaders { get; set; }
}
