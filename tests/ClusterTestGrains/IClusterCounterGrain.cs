namespace Actors.ClusterTestGrains;

/// <summary>A durable counter that reports where it runs, for the cluster tests.</summary>
public interface IClusterCounterGrain : IGrainWithStringKey, IRemindable
{
    Task<CounterReply> IncrementAsync();

    Task<CounterReply> GetAsync();

    /// <summary>Registers a durable reminder that counts its ticks in state.</summary>
    Task StartReminderAsync(TimeSpan period);

    /// <summary>Calls another counter from inside this grain, so calls originate on every silo.</summary>
    Task<CounterReply> IncrementOtherAsync(string key);
}

public sealed record CounterReply(int Value, int ReminderTicks, string Silo, string ActivationId);
