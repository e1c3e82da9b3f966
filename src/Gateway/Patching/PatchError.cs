namespace Actors.Gateway.Patching;

/// <summary>Why a patch could not be applied; names the failing operation (JSON patch) and path where known.</summary>
/// <param name="OperationIndex">Zero-based index of the failing JSON patch operation.</param>
/// <param name="Operation">The failing operation's <c>op</c>.</param>
/// <param name="Path">The JSON pointer (JSON patch) or dotted field path (strategic merge) that failed.</param>
internal sealed record PatchError(string Message, int? OperationIndex = null, string? Operation = null, string? Path = null)
{
    public override string ToString() => Message;
}
