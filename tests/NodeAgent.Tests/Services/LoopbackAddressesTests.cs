using System.Net;
using Actors.NodeAgent.Services;

namespace Actors.NodeAgent.Tests.Services;

[Trait("Category", "Unit")]
public sealed class LoopbackAddressesTests
{
    public static TheoryData<string, string[]> Outputs => new()
    {
        { "", [] },
        { "1: lo    inet 10.96.0.5/32 scope global lo:ac12345678\\       valid_lft forever preferred_lft forever\n", ["10.96.0.5"] },
        {
            "1: lo    inet 10.96.0.5/32 scope global lo:ac12345678\\       valid_lft forever preferred_lft forever\n"
            + "1: lo    inet 10.100.3.7/32 scope global lo:ac12345678\\       valid_lft forever preferred_lft forever\n",
            ["10.96.0.5", "10.100.3.7"]
        },
        { "1: lo    inet6 ::1/128 scope host\n", [] },
        { "1: lo    inet\n", [] },
        { "1: lo    inet not-an-address/32 scope global lo:ac12345678\n", [] },
    };

    [Theory]
    [MemberData(nameof(Outputs))]
    public void The_addresses_are_read_from_ip_addr_show(string output, string[] expected) =>
        Assert.Equal(expected.Select(IPAddress.Parse), LoopbackAddresses.ParseAddresses(output));

    [Theory]
    [InlineData("a")]
    [InlineData("a-node-name-that-is-much-longer-than-an-interface-label-may-be")]
    public void A_node_label_fits_the_kernel_limit_and_names_the_interface(string nodeName)
    {
        var label = LoopbackAddresses.LabelFor(nodeName);

        Assert.StartsWith("lo:", label);
        Assert.InRange(label.Length, 4, 15);
        Assert.Equal(label, LoopbackAddresses.LabelFor(nodeName));
        Assert.NotEqual(label, LoopbackAddresses.LabelFor(nodeName + "x"));
    }
}
