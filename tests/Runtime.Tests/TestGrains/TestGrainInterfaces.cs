using Actors.Concurrency;

namespace Actors.Runtime.Tests.TestGrains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    Task FailAsync(string message);

    Task SetStaleAndWriteAsync();

    Task DeactivateAsync();

    Task<string> GetActivationIdAsync();
}

public interface IInFlightGrain : IGrainWithStringKey
{
    Task<int> WorkAsync(int delayMs);

    [ReadOnly]
    Task<int> ReadAsync(int delayMs);

    [AlwaysInterleave]
    Task<int> InterleaveAsync(int delayMs);

    Task<int> GetMaxInFlightAsync();
}

public interface ISerialInFlightGrain : IInFlightGrain
{
}

public interface IReentrantInFlightGrain : IInFlightGrain
{
}

public interface IPingGrain : IGrainWithStringKey
{
    /// <summary>Calls the other grain, which calls back into this one.</summary>
    Task<string> PingViaAsync(string otherKey, bool allowReentrancy);

    Task<string> CallBackAsync(string originKey);

    Task<string> PongAsync();
}

public interface IEchoGrain : IGrainWithStringKey
{
    Task<string> EchoAsync(string value);

    ValueTask<int> AddAsync(int a, int b);

    Task<List<string>> KeepAndReturnAsync(List<string> items);

    Task<List<string>> GetKeptAsync();

    Task HangAsync(TimeSpan duration);

    Task<int> GetCallsAsync();

    IAsyncEnumerable<int> CountAsync(int count);
}

public interface ITimerGrain : IGrainWithStringKey
{
    Task StartAsync(int timers, int ticksEach, int periodMs);

    Task<TimerReport> GetReportAsync();

    Task StartForeverAsync(int periodMs);
}

public sealed record TimerReport(int[] Ticks, int MaxConcurrent, int ExternalCalls);

public interface IReminderGrain : IGrainWithStringKey, IRemindable
{
    Task RegisterAsync(string name, TimeSpan dueTime, TimeSpan period);

    Task<int> GetTicksAsync();
}

public interface ICollectedGrain : IGrainWithStringKey
{
    Task<string> GetActivationIdAsync();
}

public interface IKeptAliveGrain : IGrainWithStringKey
{
    Task<string> GetActivationIdAsync();
}

public interface ITimedCollectedGrain : IGrainWithStringKey
{
    Task StartTimerAsync(bool keepAlive);

    Task<string> GetActivationIdAsync();
}

public interface IChangingTimerGrain : IGrainWithStringKey
{
    /// <summary>Two timers: one stops itself with Change at its third tick, the other keeps ticking as a clock.</summary>
    Task StartAsync();

    Task<(int Changed, int Clock)> GetTicksAsync();
}

public interface ILoggingGrain : IGrainWithStringKey
{
    /// <summary>Logs the message before and after an await.</summary>
    Task LogAsync(string message);

    /// <summary>Logs, has another logging grain log, and logs again.</summary>
    Task CallAsync(string other, string message);

    /// <summary>Logs the message from a timer tick, once, soon.</summary>
    Task TickOnceAsync(string message);
}
