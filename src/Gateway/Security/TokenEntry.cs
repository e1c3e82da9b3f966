namespace Actors.Gateway.Security;

/// <summary>One line of a static token file: the bearer token and the user it stands for.</summary>
internal sealed record TokenEntry(string Token, UserInfo User, int LineNumber);
