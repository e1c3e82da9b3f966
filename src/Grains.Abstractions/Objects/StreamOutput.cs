namespace Actors.Grains.Abstractions.Objects;

/// <summary>
/// What a container stream (an exec'd or attached process, a followed log) gave since the last read, in order.
/// <see cref="Ended"/> comes once, after the last output, with the exit code (null when the engine could not tell
/// it, <see cref="Error"/> says why).
/// </summary>
public sealed record StreamOutput(StreamChunk[] Chunks, bool Ended = false, int? ExitCode = null, string? Error = null)
{
    public static readonly StreamOutput Gone = new([], Ended: true, Error: "the stream is gone (it ended, or its node agent restarted)");
}
