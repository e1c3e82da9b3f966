using System.CommandLine;
using Actors.Silo.Settings;

namespace Actors.Silo.Commands;

/// <summary>The <c>actors</c> command line: one binary, the role chosen by the command, as k3s does.</summary>
internal static class ActorsCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Actors: a Kubernetes-shaped container orchestrator whose control plane is a cluster of virtual actors.");
        root.Subcommands.Add(BuildServer());
        root.Subcommands.Add(BuildUp());
        root.Subcommands.Add(BuildAgent());
        root.Subcommands.Add(BuildDashboard());
        return root;
    }

    private static Command BuildDashboard()
    {
        var options = new SiloCommandOptions();
        var command = new Command("dashboard", "Print a one-time login link for the dashboard of the server running with this --data-dir (valid once, for 5 minutes).");
        command.Options.Add(options.DataDirectory);
        command.Options.Add(options.ApiPort);
        command.Options.Add(options.AdvertiseAddress);
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = options.Bind(result);
            try
            {
                var link = await Actors.Gateway.Dashboard.LoginLinkClient.CreateAsync(
                    settings.DataDirectory, new Uri($"https://{settings.AdvertiseAddress}:{settings.ApiPort}"), cancellationToken);
                await Console.Out.WriteLineAsync(link.ToString());
                return 0;
            }
            catch (Exception exception) when (exception is FileNotFoundException or HttpRequestException)
            {
                await Console.Error.WriteLineAsync("error: " + exception.Message);
                return 1;
            }
        });
        return command;
    }

    private static Command BuildServer()
    {
        var options = new SiloCommandOptions();
        var command = new Command("server", "Run a control-plane silo with the Kubernetes API. Start several on one PostgreSQL (--db) for a highly available control plane.");
        options.AddTo(command);
        command.SetAction((result, cancellationToken) => RunAsync(options.Bind(result), cancellationToken));
        return command;
    }

    private static Command BuildUp()
    {
        var options = new SiloCommandOptions();
        var command = new Command("up", "Run the all-in-one cluster in this process: control plane, Kubernetes API and a node agent on the local Docker engine, state in SQLite under --data-dir (kept across restarts).");
        options.AddTo(command, withRole: false);
        command.SetAction((result, cancellationToken) => RunAsync(options.Bind(result) with { Role = Roles.ControlPlane, RunsNodeAgent = true }, cancellationToken));
        return command;
    }

    private static Command BuildAgent()
    {
        var options = new SiloCommandOptions();
        var command = new Command("agent", "Join a cluster on PostgreSQL (--db) as a worker node named --node: a silo that runs only this machine's node agent on its Docker engine.");
        options.AddTo(command, withRole: false);
        command.SetAction((result, cancellationToken) => RunAsync(options.Bind(result) with { Role = Roles.Worker, RunsNodeAgent = true }, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ServerSettings settings, CancellationToken cancellationToken)
    {
        var errors = ServerSettingsValidator.Validate(settings);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync("error: " + error);
            }
            return 2;
        }
        return await SiloProcess.RunAsync(settings, cancellationToken);
    }
}
