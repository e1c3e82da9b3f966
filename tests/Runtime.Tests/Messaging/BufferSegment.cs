using System.Buffers;

namespace Actors.Runtime.Tests.Messaging;

/// <summary>Builds multi-segment sequences, the shape a pipe hands the reader when a frame spans reads.</summary>
internal sealed class BufferSegment : ReadOnlySequenceSegment<byte>
{
    private BufferSegment(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Split(byte[] bytes, int chunk)
    {
        var first = new BufferSegment(bytes.AsMemory(0, Math.Min(chunk, bytes.Length)), 0);
        var last = first;
        for (var offset = chunk; offset < bytes.Length; offset += chunk)
        {
            var next = new BufferSegment(bytes.AsMemory(offset, Math.Min(chunk, bytes.Length - offset)), offset);
            last.Next = next;
            last = next;
        }
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
