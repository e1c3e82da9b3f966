using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Tests.TestGrains;

public sealed partial class LoggingGrain(ILogger<LoggingGrain> logger) : Grain, ILoggingGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        LogMessage(logger, "activated");
        return Task.CompletedTask;
    }

    public async Task LogAsync(string message)
    {
        LogMessage(logger, message);
        await Task.Delay(1);
        LogMessage(logger, message + " after await");
    }

    public async Task CallAsync(string other, string message)
    {
        LogMessage(logger, message + " calling");
        await GrainFactory.GetGrain<ILoggingGrain>(other).LogAsync(message);
        LogMessage(logger, message + " called");
    }

    public Task TickOnceAsync(string message)
    {
        IGrainTimer? timer = null;
        timer = this.RegisterGrainTimer(_ =>
        {
            timer!.Dispose();
            LogMessage(logger, message);
            return Task.CompletedTask;
        }, TimeSpan.FromMilliseconds(10), Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Text}")]
    private static partial void LogMessage(ILogger logger, string text);
}
