using Actors.Runtime.Hosting;
using Actors.Silo.Settings;
using Microsoft.Extensions.Hosting;

namespace Actors.Silo.Commands;

/// <summary>Composes the process for a role: runtime, storage, and (as they land) grains, gateway and node agent.</summary>
internal static class SiloProcess
{
    public static async Task<int> RunAsync(ServerSettings settings, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.DataDirectory);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSilo(silo =>
        {
            silo.Options.ClusterId = settings.ClusterId;
            silo.Options.SiloName = settings.NodeName;
            silo.Options.Role = settings.Role;
            silo.Options.AdvertisedAddress = settings.AdvertiseAddress;
            silo.Options.ProxyPort = settings.Role == Roles.ControlPlane ? settings.ApiPort : 0;
        });
        using var host = builder.Build();
        await host.RunAsync(cancellationToken);
        return 0;
    }
}
