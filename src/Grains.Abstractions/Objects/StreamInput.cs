namespace Actors.Grains.Abstractions.Objects;

/// <summary>What the client sent an exec'd or attached process: stdin bytes, the end of stdin, or a new terminal size.</summary>
public sealed record StreamInput(byte[] Stdin, bool CloseStdin = false, int? Width = null, int? Height = null);
