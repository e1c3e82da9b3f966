using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Resources;
using Actors.Grains.Abstractions.Selectors;

namespace Actors.Grains.Abstractions.Tests.Selectors;

[Trait("Category", "Unit")]
public sealed class FieldSelectorTests
{
    private static readonly JsonObject RunningPod = JsonNode.Parse("""{"kind":"Pod","metadata":{"name":"p","namespace":"default"},"spec":{"nodeName":"node-1"},"status":{"phase":"Running"}}""")!.AsObject();
    private static readonly JsonObject PendingPod = JsonNode.Parse("""{"kind":"Pod","metadata":{"name":"q","namespace":"default"},"spec":{},"status":{"phase":"Pending"}}""")!.AsObject();

    [Theory]
    [InlineData("metadata.name=p", true, false)]
    [InlineData("metadata.name==p", true, false)]
    [InlineData("metadata.name!=p", false, true)]
    [InlineData("spec.nodeName=node-1,status.phase!=Failed,status.phase!=Succeeded", true, false)]
    [InlineData("spec.nodeName=", false, true)]
    [InlineData("metadata.namespace=default", true, true)]
    [InlineData("", true, true)]
    public void Matches_Pods(string selector, bool running, bool pending)
    {
        var parsed = FieldSelector.Parse(selector);

        Assert.Null(parsed.Validate("Pod"));
        Assert.Equal(running, parsed.Matches("Pod", RunningPod));
        Assert.Equal(pending, parsed.Matches("Pod", PendingPod));
    }

    [Theory]
    [InlineData("involvedObject.kind=Deployment,involvedObject.apiVersion=apps/v1,involvedObject.name=nginx", true)]
    [InlineData("involvedObject.name=nginx,involvedObject.namespace=default,involvedObject.uid=u1", true)]
    [InlineData("involvedObject.uid=other", false)]
    [InlineData("source=deployment-controller,type=Normal,reason=ScalingReplicaSet", true)]
    public void Matches_Events(string selector, bool expected)
    {
        var ev = new Event
        {
            Metadata = new ObjectMeta { Name = "nginx.1", Namespace = "default" },
            InvolvedObject = new ObjectReference { Kind = "Deployment", ApiVersion = "apps/v1", Name = "nginx", Namespace = "default", Uid = "u1" },
            Reason = "ScalingReplicaSet",
            Type = "Normal",
            Source = new EventSource { Component = "deployment-controller" },
        };

        var parsed = FieldSelector.Parse(selector);

        Assert.Null(parsed.Validate("Event"));
        Assert.Equal(expected, parsed.Matches(ev));
    }

    [Theory]
    [InlineData("Secret", "type=kubernetes.io/tls", true)]
    [InlineData("Node", "spec.unschedulable=false", true)]
    [InlineData("Pod", "spec.foo=x", false)]
    [InlineData("Deployment", "status.phase=Running", false)]
    public void Validate_ChecksTheFieldIsSupportedForTheKind(string kind, string selector, bool supported)
    {
        var error = FieldSelector.Parse(selector).Validate(kind);

        if (supported)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.StartsWith("field label not supported: ", error);
        }
    }

    [Theory]
    [InlineData("metadata.name")]
    [InlineData("a=b,oops")]
    public void Parse_RejectsTermsWithoutOperator(string selector)
    {
        var ok = FieldSelector.TryParse(selector, out _, out var error);

        Assert.False(ok);
        Assert.Contains("can't understand", error);
    }

    [Fact]
    public void Parse_HandlesEscapesAndPrintsThemBack()
    {
        var parsed = FieldSelector.Parse(@"metadata.name=a\,b\=c");

        Assert.Equal("a,b=c", parsed.Requirements[0].Value);
        Assert.Equal(@"metadata.name=a\,b\=c", parsed.ToString());
    }
}
