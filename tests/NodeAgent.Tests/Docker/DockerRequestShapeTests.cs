using Actors.NodeAgent.Docker;

namespace Actors.NodeAgent.Tests.Docker;

[Trait("Category", "Unit")]
public sealed class DockerRequestShapeTests
{
    [Theory]
    [InlineData("busybox", "busybox", "latest")]
    [InlineData("actors/busybox:1", "actors/busybox", "1")]
    [InlineData("registry:5000/team/app", "registry:5000/team/app", "latest")]
    [InlineData("registry:5000/team/app:v2", "registry:5000/team/app", "v2")]
    [InlineData("app@sha256:abc", "app", "sha256:abc")]
    public void ImageReference_splits_repository_and_tag(string reference, string repository, string tag) =>
        Assert.Equal((repository, tag), ImageReference.Split(reference));

    [Theory]
    [InlineData("2024-05-01T10:20:30Z", 0L)]
    [InlineData("2024-05-01T10:20:30.5Z", 5_000_000L)]
    [InlineData("2024-05-01T10:20:30.123456789Z", 1_234_567L)]
    [InlineData("2024-05-01T12:20:30.1234567+02:00", 1_234_567L)]
    public void DockerTime_parses_engine_timestamps(string text, long extraTicks)
    {
        Assert.True(DockerTime.TryParse(text, out var value));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 20, 30, TimeSpan.Zero).AddTicks(extraTicks), value);
    }

    [Fact]
    public void DockerTime_since_is_unix_seconds_with_nanoseconds() =>
        Assert.Equal("1.500000000", DockerTime.ToUnixSeconds(DateTimeOffset.UnixEpoch.AddMilliseconds(1500)));

    [Fact]
    public void Create_body_carries_pod_settings_and_never_lets_the_engine_restart()
    {
        var request = new ContainerCreateRequest
        {
            Name = "p",
            Image = "actors/busybox:1",
            Cmd = ["httpd", "-f"],
            Env = ["A=1"],
            Labels = new Dictionary<string, string> { ["io.kubernetes.pod.name"] = "web" },
            HostConfig = new ContainerHostConfig
            {
                NetworkMode = "container:abc",
                Memory = 64 * 1024 * 1024,
                NanoCpus = 500_000_000,
                PortBindings = [new PortBinding(new ContainerPort(8080), 18080, "127.0.0.1")],
                Tmpfs = new Dictionary<string, string> { ["/run"] = "rw" },
            },
        };

        var body = ContainerCreateBody.Build(request).ToJsonString();

        Assert.Contains("\"RestartPolicy\":{\"Name\":\"no\",\"MaximumRetryCount\":0}", body);
        Assert.Contains("\"NetworkMode\":\"container:abc\"", body);
        Assert.Contains("\"ExposedPorts\":{\"8080/tcp\":{}}", body);
        Assert.Contains("\"PortBindings\":{\"8080/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"18080\"}]}", body);
        Assert.Contains("\"Memory\":67108864", body);
        Assert.Contains("\"NanoCpus\":500000000", body);
        Assert.DoesNotContain("Entrypoint", body);
    }

    public static TheoryData<ContainerCreateRequest, string> InvalidRequests => new()
    {
        { new ContainerCreateRequest { Name = "", Image = "i" }, "Name" },
        { new ContainerCreateRequest { Name = "n", Image = " " }, "Image" },
        { new ContainerCreateRequest { Name = "n", Image = "i", HostConfig = new() { Memory = -1 } }, "Memory" },
        { new ContainerCreateRequest { Name = "n", Image = "i", ExposedPorts = [new ContainerPort(0)] }, "0/tcp" },
        { new ContainerCreateRequest { Name = "n", Image = "i", ExposedPorts = [new ContainerPort(80, "http")] }, "80/http" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void Create_validation_names_the_bad_field(ContainerCreateRequest request, string named)
    {
        var problem = ContainerCreateBody.Validate(request);

        Assert.NotNull(problem);
        Assert.Contains(named, problem);
    }

    [Fact]
    public void Event_line_becomes_a_typed_event()
    {
        const string line = """{"status":"die","id":"abc","Type":"container","Action":"die","Actor":{"ID":"abc","Attributes":{"exitCode":"137","name":"x"}},"scope":"local","time":1700000000,"timeNano":1700000000123456789}""";

        var parsed = DockerEventParser.TryParse(line);

        Assert.NotNull(parsed);
        Assert.Equal(("container", "die", "abc", "137"), (parsed.Type, parsed.Action, parsed.ActorId, parsed.Attributes["exitCode"]));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000).AddTicks(1234567), parsed.Time);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void Event_line_that_is_not_an_event_is_skipped(string line) => Assert.Null(DockerEventParser.TryParse(line));

    [Fact]
    public async Task A_missing_socket_is_EngineUnavailable_not_an_exception()
    {
        using var client = new DockerClient("/nonexistent/actors-test/docker.sock", TimeSpan.FromSeconds(5));

        var info = await client.InfoAsync(TestContext.Current.CancellationToken);
        var create = await client.CreateContainerAsync(new ContainerCreateRequest { Name = "n", Image = "i" }, TestContext.Current.CancellationToken);
        var events = await client.MonitorEventsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(DockerResultKind.EngineUnavailable, info.Kind);
        Assert.Contains("/nonexistent/actors-test/docker.sock", info.Message);
        Assert.Equal(DockerResultKind.EngineUnavailable, create.Kind);
        Assert.Equal(DockerResultKind.EngineUnavailable, events.Kind);
    }
}
