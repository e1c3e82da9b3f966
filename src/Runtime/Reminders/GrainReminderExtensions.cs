namespace Actors;

public static class GrainReminderExtensions
{
    public static Task<IGrainReminder> RegisterOrUpdateReminder(this IGrainBase grain, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        if (grain is not IRemindable)
        {
            throw new InvalidOperationException($"{grain.GetType().Name} must implement IRemindable to register reminders.");
        }
        return grain.Context.Reminders.RegisterOrUpdateReminderAsync(grain.Context.GrainId, reminderName, dueTime, period);
    }

    public static Task UnregisterReminder(this IGrainBase grain, IGrainReminder reminder) =>
        grain.Context.Reminders.UnregisterReminderAsync(grain.Context.GrainId, reminder);

    public static Task<IReadOnlyList<IGrainReminder>> GetReminders(this IGrainBase grain) =>
        grain.Context.Reminders.GetRemindersAsync(grain.Context.GrainId);
}
