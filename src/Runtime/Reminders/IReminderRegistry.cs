namespace Actors.Runtime.Reminders;

/// <summary>Registers and removes durable reminders for one grain.</summary>
internal interface IReminderRegistry
{
    Task<IGrainReminder> RegisterOrUpdateReminderAsync(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period);

    Task UnregisterReminderAsync(GrainId grainId, IGrainReminder reminder);

    Task<IReadOnlyList<IGrainReminder>> GetRemindersAsync(GrainId grainId);
}
