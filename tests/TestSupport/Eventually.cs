namespace Actors.TestSupport;

/// <summary>Waits for a condition with a deadline; the failure names what was awaited and the last observation.</summary>
public static class Eventually
{
    public static async Task WaitAsync(string what, Func<Task<bool>> condition, TimeSpan timeout, Func<string>? describe = null, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
                last = null;
            }
            catch (Exception exception)
            {
                last = exception;
            }
            if (DateTime.UtcNow > deadline)
            {
                var detail = describe?.Invoke() ?? last?.Message ?? "condition still false";
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what}: {detail}", last);
            }
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(50));
        }
    }

    public static Task WaitAsync(string what, Func<bool> condition, TimeSpan timeout, Func<string>? describe = null) =>
        WaitAsync(what, () => Task.FromResult(condition()), timeout, describe);
}
