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
        return root;
    }

    private static Command BuildServer()
    {
        var options = new SiloCommandOptions();
        var command = new Command("server", "Run a control-plane silo with the Kubernetes API. Start several on one PostgreSQL (--db) for a highly available control plane.");
        options.AddTo(command);
        command.SetAction((result, cancellationToken) => RunAsync(options.Bind(result), cancellationToken));
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
