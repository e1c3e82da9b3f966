namespace Actors.Runtime.Invocation;

/// <summary>
/// The call chain in the message header: its id, prefixed with '!' when the chain opted into reentrancy,
/// so the flag travels without a header field of its own.
/// </summary>
internal static class CallChainHeader
{
    private const char ReentrantMarker = '!';

    public static string? Encode(RequestContext.CallChain? chain) =>
        chain is null ? null : chain.AllowReentrancy ? ReentrantMarker + chain.Id : chain.Id;

    public static RequestContext.CallChain? Decode(string? header) => header switch
    {
        null or "" => null,
        [ReentrantMarker, .. var id] => new RequestContext.CallChain(id, AllowReentrancy: true),
        _ => new RequestContext.CallChain(header, AllowReentrancy: false),
    };
}
