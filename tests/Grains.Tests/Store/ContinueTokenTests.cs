using Actors.Grains.Store;

namespace Actors.Grains.Tests.Store;

[Trait("Category", "Unit")]
public sealed class ContinueTokenTests
{
    [Fact]
    public void Round_trips_revision_and_key()
    {
        var token = new ContinueToken(12, "ns", "name-1");

        Assert.Equal(token, ContinueToken.Decode(token.Encode()));
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("e30")]
    [InlineData("eyJydiI6MCwibnMiOiIiLCJuYW1lIjoiYSJ9")]
    public void Rejects_malformed_tokens_with_a_clear_error(string token)
    {
        Assert.Contains("continue token", Assert.Throws<ArgumentException>(() => ContinueToken.Decode(token)).Message);
    }
}
