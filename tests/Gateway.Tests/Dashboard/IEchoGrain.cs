namespace Actors.Gateway.Tests.Dashboard;

public interface IEchoGrain : IGrainWithStringKey
{
    Task<string> EchoAsync(string value);
}
