namespace Actors.Runtime.Activation;

internal sealed class TimerWorkItem(GrainTimer timer) : WorkItem
{
    public bool KeepAlive => timer.KeepAlive;

    public override bool IsAlwaysInterleave => timer.Interleave;

    public override bool IsReadOnly => false;

    public override string Name => "timer";

    public override async Task RunAsync(ActivationData activation)
    {
        try
        {
            await timer.TickAsync();
        }
        catch (Exception exception)
        {
            // A failing tick is logged by its grain's statistics; the timer goes on, as in Orleans.
            Error = exception;
        }
    }

    public override void Reject(Exception reason) => timer.Dispose();
}
