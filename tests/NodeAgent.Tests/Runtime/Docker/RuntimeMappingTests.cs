using Actors.NodeAgent.Docker;
using Actors.NodeAgent.Runtime;
using Actors.NodeAgent.Runtime.Docker;

namespace Actors.NodeAgent.Tests.Runtime.Docker;

[Trait("Category", "Unit")]
public sealed class RuntimeMappingTests
{
    [Theory]
    [InlineData(DockerResultKind.Ok, RuntimeFailure.None)]
    [InlineData(DockerResultKind.NotFound, RuntimeFailure.NotFound)]
    [InlineData(DockerResultKind.EngineUnavailable, RuntimeFailure.EngineUnavailable)]
    [InlineData(DockerResultKind.Conflict, RuntimeFailure.StartFailed)]
    [InlineData(DockerResultKind.Error, RuntimeFailure.StartFailed)]
    public void Engine_failures_keep_NotFound_and_unavailability_and_name_the_rest(DockerResultKind kind, RuntimeFailure expected) =>
        Assert.Equal(expected, RuntimeFailures.From(kind, RuntimeFailure.StartFailed));

    [Theory]
    [InlineData(DockerResultKind.NotFound, RuntimeFailure.ImageNotPresent)]
    [InlineData(DockerResultKind.EngineUnavailable, RuntimeFailure.EngineUnavailable)]
    [InlineData(DockerResultKind.Conflict, RuntimeFailure.CreateFailed)]
    [InlineData(DockerResultKind.Error, RuntimeFailure.CreateFailed)]
    public void A_failed_create_is_a_missing_image_or_a_refused_configuration(DockerResultKind kind, RuntimeFailure expected) =>
        Assert.Equal(expected, RuntimeFailures.FromCreate(kind));

    [Theory]
    [InlineData(0, false, 200)]
    [InlineData(200, false, 400)]
    [InlineData(6400, false, 10000)]
    [InlineData(10000, false, 10000)]
    [InlineData(6400, true, 200)]
    public void Watch_backoff_doubles_to_the_cap_and_resets_after_a_stream_delivered(int previousMs, bool delivered, int expectedMs) =>
        Assert.Equal(
            TimeSpan.FromMilliseconds(expectedMs),
            WatchBackoff.Next(TimeSpan.FromMilliseconds(previousMs), delivered, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10)));

    [Theory]
    [InlineData(false, 0L, "hello")]
    [InlineData(true, 0L, "2026-12-04T10:00:00Z hello")]
    [InlineData(true, 5_000_000L, "2026-12-04T10:00:00.5Z hello")]
    [InlineData(true, 1_234_567L, "2026-12-04T10:00:00.1234567Z hello")]
    public void Log_lines_carry_an_rfc3339_timestamp_when_asked(bool timestamps, long extraTicks, string expected)
    {
        var time = new DateTimeOffset(2026, 12, 4, 11, 0, 0, TimeSpan.FromHours(1)).AddTicks(extraTicks);

        Assert.Equal(expected, LogLineText.Format(new LogLine(LogStream.Stdout, "hello", time), timestamps));
    }

    [Theory]
    [InlineData("x86_64", "amd64")]
    [InlineData("aarch64", "arm64")]
    [InlineData("armv7l", "arm")]
    [InlineData("s390x", "s390x")]
    public void Architecture_uses_go_names(string engine, string expected) =>
        Assert.Equal(expected, RuntimeInfoMapping.Architecture(engine));

    [Fact]
    public void Info_names_the_runtime_docker_with_its_version()
    {
        var info = RuntimeInfoMapping.From(new DockerInfo
        {
            NCPU = 2, MemTotal = 4L << 30, ServerVersion = "20.10.24", OperatingSystem = "Ubuntu 22.04 LTS", KernelVersion = "6.1", Architecture = "x86_64",
        });

        Assert.Equal(new RuntimeInfo("docker://20.10.24", 2, 4L << 30, "Ubuntu 22.04 LTS", "6.1", "amd64"), info);
    }

    [Theory]
    [InlineData("", 8, 200, 10000, 1)]
    [InlineData("img", 0, 200, 10000, 1)]
    [InlineData("img", 8, 0, 10000, 1)]
    [InlineData("img", 8, 500, 100, 1)]
    [InlineData("img", 8, 200, 10000, 0)]
    public void Options_validation_names_each_bad_field(string image, int concurrency, int initialMs, int maxMs, int problems) =>
        Assert.Equal(
            problems,
            new DockerRuntimeOptions
            {
                SandboxImage = image,
                InspectConcurrency = concurrency,
                WatchRetryInitial = TimeSpan.FromMilliseconds(initialMs),
                WatchRetryMax = TimeSpan.FromMilliseconds(maxMs),
            }.Validate().Count);

    [Fact]
    public void Options_validation_wants_a_cluster_domain() =>
        Assert.Equal(["DockerRuntimeOptions.ClusterDomain must not be empty"], new DockerRuntimeOptions { ClusterDomain = " " }.Validate());
}
