namespace Actors.Gateway.Tests.Dashboard;

/// <summary>Finds the repository from the test binary's folder, for files the tests read or write there.</summary>
public static class RepositoryPaths
{
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Actors.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Actors.slnx above {AppContext.BaseDirectory}.");
    }
}
