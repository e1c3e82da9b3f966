namespace Actors.Silo.Tests.EndToEnd;

/// <summary>
/// Tests that run a node agent on this machine's Docker engine, one at a time: a node serves cluster DNS on the
/// bridge gateway's port 53 and holds its NodePorts and cluster IP ports, which a second node on the same machine
/// cannot hold as well, so a parallel node would answer for Services it does not know.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DockerNodeCollection
{
    public const string Name = "Docker node on this machine";
}
