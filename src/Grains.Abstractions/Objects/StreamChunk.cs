namespace Actors.Grains.Abstractions.Objects;

/// <summary>Output of a container stream; <see cref="Stream"/> is the exec protocol's channel (1 stdout, 2 stderr).</summary>
public sealed record StreamChunk(int Stream, byte[] Data)
{
    public const int Stdout = 1;

    public const int Stderr = 2;
}
