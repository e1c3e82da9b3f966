using System.Text.Json.Nodes;

namespace Actors.Grains.Abstractions.Objects;

/// <summary>
/// Where the control loops drop Events. Writing one must never slow the loop that reports it, so a sink queues
/// and writes in the background, and drops events when it falls behind, as Kubernetes' event recorder does.
/// </summary>
public interface IEventSink
{
    void Record(JsonObject evt);
}
