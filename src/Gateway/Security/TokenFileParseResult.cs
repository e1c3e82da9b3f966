namespace Actors.Gateway.Security;

/// <summary>The usable entries of a token file, and one message per bad line (naming its line number).</summary>
internal sealed record TokenFileParseResult(IReadOnlyList<TokenEntry> Entries, IReadOnlyList<string> Errors);
