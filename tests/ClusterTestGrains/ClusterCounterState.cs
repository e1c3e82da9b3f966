namespace Actors.ClusterTestGrains;

public sealed class ClusterCounterState
{
    public int Value { get; set; }

    public int ReminderTicks { get; set; }
}
