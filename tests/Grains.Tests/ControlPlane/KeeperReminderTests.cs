using Actors.Grains.Abstractions.Objects;
using Actors.Runtime.Reminders;

namespace Actors.Grains.Tests.ControlPlane;

/// <summary>
/// The keeper reminder revives a grain whose silo died. It is registered before the object is first written, so
/// no object ever exists that nothing would revive: when the reminder cannot be registered, nothing is written.
/// </summary>
[Trait("Category", "Unit")]
public sealed class KeeperReminderTests
{
    [Fact]
    public async Task A_pod_whose_keeper_cannot_be_registered_is_not_created()
    {
        var reminders = (RefusingReminderTable?)null;
        await using var plane = await ControlPlaneHost.StartAsync(table => reminders = new RefusingReminderTable(table));
        var pod = plane.Grains.GetGrain<IPodGrain>("default/kept");
        reminders!.Refusing = true;

        await Assert.ThrowsAnyAsync<Exception>(() => pod.CreateAsync("""{"metadata":{"name":"kept"},"spec":{"containers":[{"name":"c","image":"busybox:1"}]}}"""));

        Assert.Null(await plane.Store.GetAsync("Pod", "default", "kept", TestContext.Current.CancellationToken));
        reminders.Refusing = false;
        Assert.Equal(ObjectWriteStatus.Created, (await pod.CreateAsync("""{"metadata":{"name":"kept"},"spec":{"containers":[{"name":"c","image":"busybox:1"}]}}""")).Status);
        Assert.NotNull(await reminders.ReadRowAsync(new GrainId("pod", "default/kept"), "keeper", TestContext.Current.CancellationToken));
    }

    /// <summary>A reminder table whose writes fail while <see cref="Refusing"/>, as a store that has gone away.</summary>
    private sealed class RefusingReminderTable(IReminderTable inner) : IReminderTable
    {
        public volatile bool Refusing;

        public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

        public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken) => inner.ReadRowsAsync(grainId, cancellationToken);

        public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(uint begin, uint end, CancellationToken cancellationToken) => inner.ReadRowsAsync(begin, end, cancellationToken);

        public Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken) => inner.ReadRowAsync(grainId, reminderName, cancellationToken);

        public Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken) =>
            Refusing ? throw new InvalidOperationException("the reminder table is unavailable") : inner.UpsertRowAsync(entry, cancellationToken);

        public Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string etag, CancellationToken cancellationToken) =>
            inner.RemoveRowAsync(grainId, reminderName, etag, cancellationToken);
    }
}
