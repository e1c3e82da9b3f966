namespace Actors;

/// <summary>A grain that receives durable reminders. Handlers must be idempotent: a tick may be delivered twice around a failover.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}

/// <summary>When a reminder tick was due and when this one fired.</summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);

/// <summary>A registered reminder.</summary>
public interface IGrainReminder
{
    string ReminderName { get; }
}
