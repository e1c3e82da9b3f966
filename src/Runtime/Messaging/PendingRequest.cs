namespace Actors.Runtime.Messaging;

internal sealed class PendingRequest(SiloAddress target, long deadlineUnixMs) : PendingCall(target, deadlineUnixMs)
{
    // Continuations run off the connection's read loop, so a slow caller never stalls other responses.
    private readonly TaskCompletionSource<Message> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Message> Task => _completion.Task;

    public void Complete(Message response) => _completion.TrySetResult(response);

    public void Cancel(CancellationToken ct) => _completion.TrySetCanceled(ct);

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
