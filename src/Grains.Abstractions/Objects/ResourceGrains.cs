namespace Actors.Grains.Abstractions.Objects;

/// <summary>The writer grain of an object by its kind; null for kinds that have no grain (read-only here).</summary>
public static class ResourceGrains
{
    public static IResourceGrain? For(IGrainFactory factory, string kind, string? ns, string name)
    {
        var key = new ObjectKey(kind, ns ?? "", name).GrainKey;
        return kind switch
        {
            "Pod" => factory.GetGrain<IPodGrain>(key),
            "Deployment" => factory.GetGrain<IDeploymentGrain>(key),
            "ReplicaSet" => factory.GetGrain<IReplicaSetGrain>(key),
            "Node" => factory.GetGrain<INodeGrain>(key),
            "Namespace" => factory.GetGrain<INamespaceGrain>(key),
            "Service" => factory.GetGrain<IServiceGrain>(key),
            "ConfigMap" => factory.GetGrain<IConfigMapGrain>(key),
            "Secret" => factory.GetGrain<ISecretGrain>(key),
            "Endpoints" => factory.GetGrain<IEndpointsGrain>(key),
            "Event" => factory.GetGrain<IEventGrain>(key),
            _ => null,
        };
    }
}
