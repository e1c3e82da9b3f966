namespace Actors.Gateway.Tests.Dashboard;

public sealed class TallyState
{
    public int Total { get; set; }

    public string Label { get; set; } = "";
}
