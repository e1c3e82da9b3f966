using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Tests.Core;

/// <summary>Keeps every line logged, with the GrainId properties of the scopes it was logged in.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<CapturedLine> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var grainIds = new List<string>();
            provider._scopes.ForEachScope((scope, ids) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> properties)
                {
                    ids.AddRange(properties.Where(p => p.Key == "GrainId").Select(p => p.Value?.ToString() ?? ""));
                }
            }, grainIds);
            provider.Lines.Enqueue(new CapturedLine(category, formatter(state, exception), grainIds));
        }
    }
}

public sealed record CapturedLine(string Category, string Message, IReadOnlyList<string> GrainIds);
