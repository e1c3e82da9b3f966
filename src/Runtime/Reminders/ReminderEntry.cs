namespace Actors.Runtime.Reminders;

/// <summary>A durable reminder: it fires every <see cref="Period"/> from <see cref="StartAt"/>, whichever silo is alive.</summary>
public sealed record ReminderEntry(GrainId GrainId, string ReminderName, DateTimeOffset StartAt, TimeSpan Period, string? ETag = null)
{
    /// <summary>The ring position that decides which silo delivers it.</summary>
    public uint GrainHash => GrainId.GetUniformHashCode();
}
