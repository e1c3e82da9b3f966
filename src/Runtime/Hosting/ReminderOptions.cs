namespace Actors.Runtime.Hosting;

/// <summary>Reminder settings; Orleans' one-minute minimum period is configurable so recovery tests take seconds.</summary>
public sealed class ReminderOptions
{
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RefreshReminderListPeriod { get; set; } = TimeSpan.FromMinutes(5);
}
