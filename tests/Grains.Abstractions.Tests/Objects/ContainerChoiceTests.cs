using Actors.Grains.Abstractions.Objects;

namespace Actors.Grains.Abstractions.Tests.Objects;

[Trait("Category", "Unit")]
public sealed class ContainerChoiceTests
{
    [Theory]
    [InlineData("main", null, "main", null)]
    [InlineData("main", "main", "main", null)]
    [InlineData("a b", "b", "b", null)]
    [InlineData("a b", null, null, "a container name must be specified for pod web, choose one of: [a b]")]
    [InlineData("main", "nope", null, "container nope is not valid for pod web")]
    [InlineData("", null, null, "a container name must be specified for pod web, choose one of: []")]
    public void The_named_or_only_container_is_chosen_else_the_API_servers_refusal(string containers, string? requested, string? chosen, string? error) =>
        Assert.Equal((chosen, error), ContainerChoice.Choose(containers.Split(' ', StringSplitOptions.RemoveEmptyEntries), requested, "web"));
}
