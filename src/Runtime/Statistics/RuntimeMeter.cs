using System.Diagnostics.Metrics;

namespace Actors.Runtime.Statistics;

/// <summary>The runtime's one Meter, named "Actors.Runtime", tagged with the silo it belongs to.</summary>
public sealed class RuntimeMeter : IDisposable
{
    public const string Name = "Actors.Runtime";

    public RuntimeMeter(IMeterFactory? factory = null)
    {
        Meter = factory?.Create(Name) ?? new Meter(Name);
    }

    public Meter Meter { get; }

    public void Dispose() => Meter.Dispose();
}
