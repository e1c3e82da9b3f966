namespace Actors.Grains.Abstractions.Objects;

/// <summary>
/// What an exec'd process wrote since the last read, in order. <see cref="Ended"/> comes once, after the last
/// output, with the exit code (null when the engine could not tell it, <see cref="Error"/> says why).
/// </summary>
public sealed record ExecOutput(ExecChunk[] Chunks, bool Ended = false, int? ExitCode = null, string? Error = null)
{
    public static readonly ExecOutput Gone = new([], Ended: true, Error: "the exec session is gone (it ended, or its node agent restarted)");
}
