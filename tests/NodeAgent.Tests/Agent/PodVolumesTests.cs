using Actors.Grains.Abstractions.Resources;
using Actors.NodeAgent.Agent;

namespace Actors.NodeAgent.Tests.Agent;

[Trait("Category", "Unit")]
public sealed class PodVolumesTests
{
    private static readonly Dictionary<string, string> Values = new() { ["app.conf"] = "a", ["log.conf"] = "b" };

    private static KeyToPath Item(string key, string? path) => new() { Key = key, Path = path };

    public static TheoryData<string, KeyToPath[], string[]> Cases => new()
    {
        { "no items: every key by its own name", [], ["app.conf=app.conf", "log.conf=log.conf"] },
        { "items: only those, at their paths", [Item("app.conf", "conf/app")], ["app.conf=conf/app"] },
        { "an item without a path keeps its key's name", [Item("log.conf", null)], ["log.conf=log.conf"] },
        { "an item of a missing key is left out", [Item("absent", "x"), Item("app.conf", "app")], ["app.conf=app"] },
        { "'..' is refused", [Item("app.conf", "../escape"), Item("log.conf", "a/../../b"), Item("log.conf", "ok")], ["log.conf=ok"] },
        { "an absolute path is refused", [Item("app.conf", "/etc/cron.d/job"), Item("log.conf", "ok")], ["log.conf=ok"] },
        { "'..' inside a name is a name", [Item("app.conf", "app..conf")], ["app.conf=app..conf"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Files_maps_keys_to_file_names(string scenario, KeyToPath[] items, string[] expected)
    {
        var files = PodVolumes.Files(Values, items).Select(f => $"{f.Key}={f.Path}").Order();

        Assert.True(files.SequenceEqual(expected), $"{scenario}: {string.Join(" ", files)}");
    }

    [Fact]
    public void Files_of_a_missing_source_are_none()
    {
        Assert.Empty(PodVolumes.Files(null, null));
    }
}
