namespace Actors.Grains.Abstractions.Objects;

/// <summary>What the client sent an exec'd process: stdin bytes, the end of stdin, or a new terminal size.</summary>
public sealed record ExecInput(byte[] Stdin, bool CloseStdin = false, int? Width = null, int? Height = null);
