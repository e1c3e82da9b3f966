namespace Actors.NodeAgent.Agent.Probes;

public enum ProbeKind
{
    Startup,
    Liveness,
    Readiness,
}
