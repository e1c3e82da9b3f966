using Actors.Runtime.Hosting;
using Actors.Runtime.Tests.TestGrains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Tests;

/// <summary>A single in-process silo with the test grains, in-memory storage and short timings.</summary>
public sealed class TestSiloHost : IAsyncDisposable
{
    private readonly IHost _host;

    private TestSiloHost(IHost host)
    {
        _host = host;
    }

    public IGrainFactory GrainFactory => _host.Services.GetRequiredService<IGrainFactory>();

    public Silo Silo => _host.Services.GetRequiredService<Silo>();

    public IServiceProvider Services => _host.Services;

    public static async Task<TestSiloHost> StartAsync(Action<SiloOptions>? configure = null, Action<ILoggingBuilder>? logging = null)
    {
        var builder = Host.CreateApplicationBuilder();
        logging?.Invoke(builder.Logging);
        builder.Services.AddSilo(silo =>
        {
            silo.AddGrains(typeof(CounterGrain).Assembly);
            silo.Options.ResponseTimeout = TimeSpan.FromSeconds(5);
            silo.Options.CollectionQuantum = TimeSpan.FromMilliseconds(200);
            silo.Options.Reminders.MinimumReminderPeriod = TimeSpan.FromMilliseconds(100);
            silo.Options.Reminders.RefreshReminderListPeriod = TimeSpan.FromSeconds(1);
            configure?.Invoke(silo.Options);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new TestSiloHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
