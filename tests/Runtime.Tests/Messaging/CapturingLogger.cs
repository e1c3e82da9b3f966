using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Tests.Messaging;

internal sealed class CapturingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue($"{logLevel}: {formatter(state, exception)}");

    public bool Contains(string text) => Lines.Any(line => line.Contains(text, StringComparison.Ordinal));
}
