using Actors.Gateway.Dashboard;

namespace Actors.Gateway.Tests.Dashboard;

[Trait("Category", "Unit")]
public sealed class DashboardAssetsTests
{
    [Theory]
    [InlineData("index.html", "text/html; charset=utf-8")]
    [InlineData("app.js", "text/javascript; charset=utf-8")]
    [InlineData("dashboard.css", "text/css; charset=utf-8")]
    [InlineData("logo.SVG", "image/svg+xml")]
    [InlineData("data.bin", "application/octet-stream")]
    public void Content_types_follow_the_extension(string name, string expected) =>
        Assert.Equal(expected, DashboardAssets.ContentTypeFor(name));

    [Fact]
    public void Every_front_end_file_is_compiled_and_embedded()
    {
        var web = Path.Combine(RepositoryPaths.Root(), "src", "Gateway", "Dashboard", "web");
        var sources = Directory.GetFiles(Path.Combine(web, "src"), "*.ts").Select(Path.GetFileNameWithoutExtension).ToArray();
        var compiled = Directory.GetFiles(Path.Combine(web, "dist"), "*.js").Select(Path.GetFileNameWithoutExtension).ToArray();
        var statics = Directory.GetFiles(Path.Combine(web, "static")).Select(Path.GetFileName).ToArray();

        Assert.NotEmpty(sources);
        Assert.Equal(sources.Order(StringComparer.Ordinal), compiled.Order(StringComparer.Ordinal));
        var expected = compiled.Select(n => n + ".js").Concat(statics).Order(StringComparer.Ordinal);
        Assert.Equal(expected, DashboardAssets.Embedded.Names.Order(StringComparer.Ordinal));
        Assert.Contains("index.html", DashboardAssets.Embedded.Names);
    }
}
