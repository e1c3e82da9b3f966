using System.Collections.Concurrent;

namespace Actors.Runtime.Tests.TestGrains;

/// <summary>Counts activations and deactivations per grain id, so tests can see the lifecycle from outside.</summary>
public static class ActivationLog
{
    private static readonly ConcurrentDictionary<string, int> Activations = new();
    private static readonly ConcurrentDictionary<string, int> Deactivations = new();

    public static void Activated(GrainId id) => Activations.AddOrUpdate(id.ToString(), 1, (_, n) => n + 1);

    public static void Deactivated(GrainId id) => Deactivations.AddOrUpdate(id.ToString(), 1, (_, n) => n + 1);

    public static int ActivationsOf(GrainId id) => Activations.GetValueOrDefault(id.ToString());

    public static int DeactivationsOf(GrainId id) => Deactivations.GetValueOrDefault(id.ToString());
}
