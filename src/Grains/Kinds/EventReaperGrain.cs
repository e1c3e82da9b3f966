using Actors.Grains.Controllers.Events;

namespace Actors.Grains.Kinds;

/// <summary>
/// Deletes expired Events, as the API server's event TTL does, so they do not pile up. One grain for the
/// cluster; a durable reminder brings it back after its silo dies. Events have no writer grain (the event
/// sink creates them once), so it deletes them from the store directly, a page at a time.
/// </summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed partial class EventReaperGrain(IObjectStore store, TimeProvider time, ILogger<EventReaperGrain> logger) : Grain, IEventReaperGrain, IRemindable
{
    public const string Key = "cluster";

    private const int PageSize = 500;

    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    public async Task<int> ReapAsync()
    {
        await this.RegisterOrUpdateReminder("reap", Period, Period);
        var now = time.GetUtcNow();
        var deleted = 0;
        string? next = null;
        do
        {
            var page = await store.ListAsync("Event", null, new ListOptions { Limit = PageSize, Continue = next });
            foreach (var evt in page.Items.Where(e => EventExpiry.IsExpired(e, now, EventExpiry.DefaultTtl)))
            {
                if (await store.DeleteAsync("Event", ObjectJson.Namespace(evt) ?? "", ObjectJson.Name(evt) ?? "", ObjectJson.ResourceVersion(evt), null) is DeleteResult.Deleted)
                {
                    deleted++;
                }
            }
            next = page.Continue;
        }
        while (next is not null);
        if (deleted > 0)
        {
            LogReaped(logger, deleted);
        }
        return deleted;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => ReapAsync();

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired events")]
    private static partial void LogReaped(ILogger logger, int count);
}
