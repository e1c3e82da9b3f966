namespace Actors.Runtime.Management;

/// <summary>A silo as the management API shows it.</summary>
public sealed record SiloInfo(
    string Address,
    string Name,
    string Role,
    SiloStatus Status,
    DateTimeOffset StartTime,
    DateTimeOffset IAmAliveTime,
    int ActivationCount,
    int ProxyPort);

/// <summary>Calls into one method of one grain type on one silo.</summary>
public sealed record MethodStatisticsInfo(
    string GrainType,
    string Method,
    long Calls,
    long Errors,
    double AverageMilliseconds,
    double P99Milliseconds);

/// <summary>Activations and timer ticks of one grain type on one silo.</summary>
public sealed record GrainTypeInfo(string GrainType, int Activations, long TimerTicks);

/// <summary>One silo's process and grain statistics.</summary>
public sealed record SiloStatistics(
    string Silo,
    int ActivationCount,
    double CpuPercent,
    long MemoryBytes,
    IReadOnlyList<GrainTypeInfo> GrainTypes,
    IReadOnlyList<MethodStatisticsInfo> Methods);

/// <summary>Everything known about one activation.</summary>
public sealed record ActivationDetails(
    string GrainId,
    string ActivationId,
    string Silo,
    string State,
    TimeSpan IdleTime,
    IReadOnlyDictionary<string, string> PersistentStates,
    IReadOnlyList<GrainTimerInfo> Timers,
    IReadOnlyList<string> Reminders,
    IReadOnlyList<Activation.RecentCall> RecentCalls);
