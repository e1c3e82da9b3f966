using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Store;
using Microsoft.Extensions.Logging;

namespace Actors.NodeAgent.Services;

/// <summary>
/// Keeps a local copy of one kind as an informer does: list, then watch from the list's revision; when the watch
/// ends, fails or its revision is compacted (410), list again after a short, growing pause.
/// </summary>
public sealed partial class ObjectMirror(IObjectStore store, string kind, ILogger logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(5);

    /// <summary>Runs until cancelled; <paramref name="replace"/> gets every full list, <paramref name="apply"/> every change after it.</summary>
    public async Task RunAsync(Action<IReadOnlyList<JsonObject>> replace, Action<WatchEvent> apply, CancellationToken cancellationToken)
    {
        var retry = FirstRetry;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var listed = await store.ListAsync(kind, null, cancellationToken: cancellationToken);
                replace(listed.Items);
                retry = FirstRetry;
                var revision = long.Parse(listed.ResourceVersion, CultureInfo.InvariantCulture);
                await foreach (var change in store.WatchAsync(kind, null, revision, cancellationToken))
                {
                    apply(change);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogRelist(logger, kind, exception.Message);
                await Task.Delay(retry, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, MaxRetry.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listing {Kind} again after its watch ended: {Reason}")]
    private static partial void LogRelist(ILogger logger, string kind, string reason);
}
