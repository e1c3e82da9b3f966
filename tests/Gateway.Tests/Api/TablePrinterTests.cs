using System.Text.Json.Nodes;
using Actors.Gateway.Tables;

namespace Actors.Gateway.Tests.Api;

[Trait("Category", "Unit")]
public sealed class TablePrinterTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-5, "<invalid>")]
    [InlineData(-0.5, "0s")]
    [InlineData(45, "45s")]
    [InlineData(119, "119s")]
    [InlineData(192, "3m12s")]
    [InlineData(300, "5m")]
    [InlineData(3000, "50m")]
    [InlineData(5 * 3600 + 120, "5h2m")]
    [InlineData(20 * 3600, "20h")]
    [InlineData(3 * 86400 + 7200, "3d2h")]
    [InlineData(40 * 86400, "40d")]
    [InlineData(3 * 365 * 86400 + 86400, "3y1d")]
    [InlineData(10 * 365 * 86400, "10y")]
    public void Ages(double seconds, string text) => Assert.Equal(text, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Unknown_age_without_timestamp() => Assert.Equal("<unknown>", HumanDuration.Age(null, Now));

    [Fact]
    public void Pod_row_counts_ready_containers_and_restarts()
    {
        var pod = Parse("""
            {"metadata":{"name":"web-1","creationTimestamp":"2026-01-10T11:59:00Z"},
             "spec":{"nodeName":"n1","containers":[{"name":"a"},{"name":"b"}]},
             "status":{"phase":"Running","podIP":"10.0.0.5","containerStatuses":[
               {"name":"a","ready":true,"restartCount":2,"state":{"running":{}}},
               {"name":"b","ready":false,"restartCount":1,"state":{"waiting":{"reason":"CrashLoopBackOff"}}}]}}
            """);

        var cells = TablePrinter.Cells("Pod", pod, Now);

        Assert.Equal(["web-1", "1/2", "CrashLoopBackOff", "3", "60s", "10.0.0.5", "n1", "<none>", "<none>"], cells.Select(c => c!.ToString()));
    }

    [Theory]
    [InlineData("""{"status":{"phase":"Pending"},"spec":{"containers":[{}]}}""", "Pending")]
    [InlineData("""{"metadata":{"deletionTimestamp":"2026-01-10T11:00:00Z"},"status":{"phase":"Running"}}""", "Terminating")]
    [InlineData("""{"spec":{"initContainers":[{},{}]},"status":{"phase":"Pending","initContainerStatuses":[{"state":{"terminated":{"exitCode":0}}},{"state":{"running":{}}}]}}""", "Init:1/2")]
    [InlineData("""{"status":{"phase":"Running","containerStatuses":[{"state":{"terminated":{"exitCode":137}}}]}}""", "ExitCode:137")]
    public void Pod_status(string json, string status)
    {
        var pod = Parse(json);

        Assert.Equal(status, TablePrinter.Cells("Pod", pod, Now)[2]!.ToString());
    }

    [Fact]
    public void Deployment_row_and_wide_columns()
    {
        var deployment = Parse("""
            {"metadata":{"name":"web"},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"In","values":["a","b"]}]},
             "template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}},
             "status":{"readyReplicas":2,"updatedReplicas":3,"availableReplicas":2}}
            """);

        var cells = TablePrinter.Cells("Deployment", deployment, Now);

        Assert.Equal(["web", "2/3", "3", "2", "<unknown>", "nginx", "nginx:1.25", "app=web,tier in (a,b)"], cells.Select(c => c!.ToString()));
        Assert.Equal(TablePrinter.Columns("Deployment").Count, cells.Length);
    }

    [Theory]
    [InlineData("Service", """{"metadata":{"name":"s"},"spec":{"type":"NodePort","clusterIP":"10.96.0.9","ports":[{"port":80,"nodePort":30080,"protocol":"TCP"}],"selector":{"app":"web"}}}""", "s|NodePort|10.96.0.9|<none>|80:30080/TCP|<unknown>|app=web")]
    [InlineData("Service", """{"metadata":{"name":"lb"},"spec":{"type":"LoadBalancer","clusterIP":"10.96.0.10"}}""", "lb|LoadBalancer|10.96.0.10|<pending>|<none>|<unknown>|<none>")]
    [InlineData("Node", """{"metadata":{"name":"n1","labels":{"node-role.kubernetes.io/control-plane":""}},"spec":{"unschedulable":true},"status":{"conditions":[{"type":"Ready","status":"True"}],"nodeInfo":{"kubeletVersion":"v1.33.1"},"addresses":[{"type":"InternalIP","address":"10.0.0.1"}]}}""", "n1|Ready,SchedulingDisabled|control-plane|<unknown>|v1.33.1|10.0.0.1|<none>|<unknown>|<unknown>|<unknown>")]
    [InlineData("Namespace", """{"metadata":{"name":"team"},"status":{"phase":"Terminating"}}""", "team|Terminating|<unknown>")]
    [InlineData("ConfigMap", """{"metadata":{"name":"c"},"data":{"a":"1","b":"2"},"binaryData":{"c":"AA=="}}""", "c|3|<unknown>")]
    [InlineData("Secret", """{"metadata":{"name":"s"},"type":"kubernetes.io/tls","data":{"a":"MQ=="}}""", "s|kubernetes.io/tls|1|<unknown>")]
    [InlineData("Endpoints", """{"metadata":{"name":"e"},"subsets":[{"addresses":[{"ip":"1.1.1.1"},{"ip":"2.2.2.2"}],"ports":[{"port":80},{"port":443}]}]}""", "e|1.1.1.1:80,1.1.1.1:443,2.2.2.2:80 + 1 more...|<unknown>")]
    [InlineData("ReplicaSet", """{"metadata":{"name":"rs"},"spec":{"replicas":2},"status":{"replicas":2,"readyReplicas":1}}""", "rs|2|2|1|<unknown>|||<none>")]
    [InlineData("Lease", """{"metadata":{"name":"l"}}""", "l|<unknown>")]
    public void Rows(string kind, string json, string expected)
    {
        var cells = TablePrinter.Cells(kind, Parse(json), Now);

        Assert.Equal(expected, string.Join("|", cells.Select(c => c?.ToString())));
        Assert.Equal(TablePrinter.Columns(kind).Count, cells.Length);
    }

    [Fact]
    public void Table_carries_resource_version_and_partial_metadata()
    {
        var table = TablePrinter.Table("ConfigMap", [Parse("""{"metadata":{"name":"c","namespace":"a","labels":{"x":"y"}},"data":{}}""")], "42", "next", null, Now);

        Assert.Equal("42", table["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal("next", table["metadata"]!["continue"]!.GetValue<string>());
        var row = table["rows"]![0]!;
        Assert.Equal("PartialObjectMetadata", row["object"]!["kind"]!.GetValue<string>());
        Assert.Equal("y", row["object"]!["metadata"]!["labels"]!["x"]!.GetValue<string>());
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
