using System.Text.Json;
using Actors.Serialization;

namespace Actors.Runtime.Invocation;

/// <summary>
/// Carries a grain method's exception across silos as its type name and message, and turns it back into an
/// exception of the same type where that type can be rebuilt from a message, else a <see cref="GrainException"/>.
/// </summary>
internal static class RemoteException
{
    private sealed record Payload(string Type, string Message, string? StackTrace);

    public static byte[] Encode(Exception exception) =>
        JsonSerializer.SerializeToUtf8Bytes(new Payload(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, exception.StackTrace), GrainSerializer.Options);

    public static Exception Decode(ReadOnlySpan<byte> body)
    {
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(body, GrainSerializer.Options);
        }
        catch (JsonException)
        {
            return new GrainCallException(System.Text.Encoding.UTF8.GetString(body));
        }
        if (payload is null)
        {
            return new GrainCallException("The remote call failed without details.");
        }
        return Rebuild(payload.Type, payload.Message) ?? new GrainException(payload.Type, payload.Message, payload.StackTrace);
    }

    private static Exception? Rebuild(string typeName, string message) => typeName switch
    {
        "System.InvalidOperationException" => new InvalidOperationException(message),
        "System.ArgumentException" => new ArgumentException(message),
        "System.ArgumentOutOfRangeException" => new ArgumentOutOfRangeException(null, message),
        "System.ArgumentNullException" => new ArgumentNullException(null, message),
        "System.NotSupportedException" => new NotSupportedException(message),
        "System.NotImplementedException" => new NotImplementedException(message),
        "System.TimeoutException" => new TimeoutException(message),
        "System.Collections.Generic.KeyNotFoundException" => new KeyNotFoundException(message),
        "System.FormatException" => new FormatException(message),
        "System.OperationCanceledException" or "System.Threading.Tasks.TaskCanceledException" => new OperationCanceledException(message),
        "Actors.Runtime.InconsistentStateException" => new InconsistentStateException(message),
        "Actors.Runtime.SiloUnavailableException" => new SiloUnavailableException(message),
        "Actors.Runtime.GrainCallException" => new GrainCallException(message),
        _ => null,
    };
}
