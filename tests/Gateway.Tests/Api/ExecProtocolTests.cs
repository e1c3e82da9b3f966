using System.Text;
using Actors.Gateway.Api;
using Actors.Grains.Abstractions.Objects;

namespace Actors.Gateway.Tests.Api;

[Trait("Category", "Unit")]
public sealed class ExecProtocolTests
{
    [Theory]
    [InlineData("v5.channel.k8s.io", "v5.channel.k8s.io")]
    [InlineData("v4.channel.k8s.io", "v4.channel.k8s.io")]
    [InlineData("v4.channel.k8s.io,v5.channel.k8s.io", "v5.channel.k8s.io")]
    [InlineData(" v4.channel.k8s.io", "v4.channel.k8s.io")]
    [InlineData("channel.k8s.io,base64.channel.k8s.io", null)]
    [InlineData("", null)]
    public void The_newest_common_version_is_chosen(string offered, string? chosen) =>
        Assert.Equal(chosen, ExecProtocol.Choose(offered.Split(',', StringSplitOptions.RemoveEmptyEntries)));

    [Fact]
    public void Exit_code_0_is_Success() =>
        Assert.Equal("""{"metadata":{},"status":"Success"}""", ExecProtocol.EndStatus(new StreamOutput([], Ended: true, ExitCode: 0), ["true"]).ToJsonString());

    [Fact]
    public void A_non_zero_exit_code_is_NonZeroExitCode_with_the_code_as_its_cause()
    {
        var status = ExecProtocol.EndStatus(new StreamOutput([], Ended: true, ExitCode: 3), ["sh", "-c", "exit 3"]);

        Assert.Equal("Failure", (string?)status["status"]);
        Assert.Equal("NonZeroExitCode", (string?)status["reason"]);
        Assert.Equal("command terminated with non-zero exit code: error executing command [sh -c exit 3], exit code 3", (string?)status["message"]);
        Assert.Equal("""[{"reason":"ExitCode","message":"3"}]""", status["details"]!["causes"]!.ToJsonString());
    }

    [Fact]
    public void An_unknown_exit_code_is_an_InternalError_saying_why()
    {
        var status = ExecProtocol.EndStatus(new StreamOutput([], Ended: true, Error: "the connection to the process broke"), ["sh"]);

        Assert.Equal(("Failure", "InternalError", "the connection to the process broke"), ((string?)status["status"], (string?)status["reason"], (string?)status["message"]));
    }

    [Theory]
    [InlineData("""{"Width":120,"Height":40}""", 120, 40)]
    [InlineData("""{"Height":1,"Width":1}""", 1, 1)]
    [InlineData("""{"Width":0,"Height":40}""", null, null)]
    [InlineData("""{"Width":70000,"Height":40}""", null, null)]
    [InlineData("""{"Width":"wide","Height":40}""", null, null)]
    [InlineData("""{"Width":80}""", null, null)]
    [InlineData("""[80,24]""", null, null)]
    [InlineData("not json", null, null)]
    public void A_resize_is_read_only_when_it_is_a_sane_size(string json, int? width, int? height) =>
        Assert.Equal(width is null ? null : (width.Value, height!.Value), ExecProtocol.ReadSize(Encoding.UTF8.GetBytes(json)));
}
