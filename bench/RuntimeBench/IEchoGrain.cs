namespace Actors.Bench;

public interface IEchoGrain : IGrainWithStringKey
{
    Task<string> EchoAsync(string value);
}
