using System.Net;
using System.Text;
using Actors.Runtime.Messaging;

namespace Actors.Runtime.Tests.Messaging;

[Trait("Category", "Unit")]
public sealed class ConnectionPreambleTests
{
    private static readonly SiloAddress Local = SiloAddress.Parse("127.0.0.1:11111@10");
    private static readonly SiloAddress Peer = SiloAddress.Parse("127.0.0.1:11112@20");
    private static readonly byte[] Secret = Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef");

    [Fact]
    public void Hello_RoundTrip_Preserved()
    {
        var hello = ConnectionPreamble.CreateHello("cluster-ü", Peer);

        var decoded = ConnectionPreamble.DecodeHello(ConnectionPreamble.EncodeHello(hello));

        Assert.Equal(hello.ProtocolVersion, decoded.ProtocolVersion);
        Assert.Equal("cluster-ü", decoded.ClusterId);
        Assert.Equal(Peer, decoded.Silo);
        Assert.Equal(hello.Nonce, decoded.Nonce);
    }

    [Fact]
    public void CreateHello_FreshNonceEachTime()
    {
        Assert.NotEqual(ConnectionPreamble.CreateHello("c", Local).Nonce, ConnectionPreamble.CreateHello("c", Local).Nonce);
    }

    public static TheoryData<string, byte[]> MalformedHellos()
    {
        var valid = ConnectionPreamble.EncodeHello(ConnectionPreamble.CreateHello("c", Peer));
        var badSilo = ConnectionPreamble.EncodeHello(ConnectionPreamble.CreateHello("c", Peer));
        // Corrupt the silo address text (after version, cluster length, cluster byte and silo length).
        badSilo[4 + 2 + 1 + 2] = (byte)'x';
        return new()
        {
            { "empty", [] },
            { "truncated field", valid[..6] },
            { "short nonce", valid[..^1] },
            { "long nonce", [.. valid, 1] },
            { "unparsable silo", badSilo },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedHellos))]
    public void DecodeHello_Malformed_Throws(string name, byte[] payload)
    {
        var exception = Assert.Throws<PreambleException>(() => ConnectionPreamble.DecodeHello(payload));

        Assert.False(string.IsNullOrWhiteSpace(exception.Message), name);
    }

    public static TheoryData<string, PreambleHello, SiloAddress?, string?> ValidationCases => new()
    {
        { "valid", new PreambleHello(1, "c", Peer, new byte[32]), null, null },
        { "valid expected peer", new PreambleHello(1, "c", Peer, new byte[32]), Peer, null },
        { "other version", new PreambleHello(2, "c", Peer, new byte[32]), null, "protocol version" },
        { "other cluster", new PreambleHello(1, "other", Peer, new byte[32]), null, "cluster id" },
        { "claims to be us", new PreambleHello(1, "c", Local, new byte[32]), null, "claims to be this silo" },
        { "other generation", new PreambleHello(1, "c", Peer with { Generation = 21 }, new byte[32]), Peer, "not the expected" },
        { "dead", new PreambleHello(1, "c", SiloAddress.Parse("127.0.0.1:9@1"), new byte[32]), null, "declared dead" },
    };

    [Theory]
    [MemberData(nameof(ValidationCases))]
    public void Validate_Table(string name, PreambleHello hello, SiloAddress? expected, string? refusal)
    {
        var result = ConnectionPreamble.Validate(hello, "c", Local, silo => silo.Endpoint.Port == 9, expected);

        if (refusal is null)
        {
            Assert.Null(result);
        }
        else
        {
            Assert.NotNull(result);
            Assert.Contains(refusal, result, StringComparison.Ordinal);
        }
        Assert.NotEmpty(name);
    }

    [Fact]
    public void Proof_SameSecret_Verifies()
    {
        var (initiator, acceptor) = (ConnectionPreamble.CreateHello("c", Local), ConnectionPreamble.CreateHello("c", Peer));

        var proof = ConnectionPreamble.ComputeProof(Secret, PreambleRole.Initiator, initiator, acceptor);

        Assert.Equal(ConnectionPreamble.ProofLength, proof.Length);
        Assert.True(ConnectionPreamble.VerifyProof(Secret, PreambleRole.Initiator, initiator, acceptor, proof));
    }

    [Fact]
    public void Proof_WrongSecretRoleOrNonce_Fails()
    {
        var (initiator, acceptor) = (ConnectionPreamble.CreateHello("c", Local), ConnectionPreamble.CreateHello("c", Peer));
        var proof = ConnectionPreamble.ComputeProof(Secret, PreambleRole.Initiator, initiator, acceptor);
        var otherSecret = Encoding.ASCII.GetBytes("another-secret-0123456789abcdef!");

        Assert.False(ConnectionPreamble.VerifyProof(otherSecret, PreambleRole.Initiator, initiator, acceptor, proof));
        Assert.False(ConnectionPreamble.VerifyProof(Secret, PreambleRole.Acceptor, initiator, acceptor, proof));
        Assert.False(ConnectionPreamble.VerifyProof(Secret, PreambleRole.Initiator, initiator, ConnectionPreamble.CreateHello("c", Peer), proof));
        Assert.False(ConnectionPreamble.VerifyProof(Secret, PreambleRole.Initiator, initiator, acceptor, proof[..16]));
    }

    [Fact]
    public void EncodedHelloAndProof_NeverContainTheSecret()
    {
        var hello = ConnectionPreamble.CreateHello("c", new SiloAddress(new IPEndPoint(IPAddress.Loopback, 1), 1));
        var wire = ConnectionPreamble.EncodeHello(hello).Concat(ConnectionPreamble.ComputeProof(Secret, PreambleRole.Acceptor, hello, hello)).ToArray();

        Assert.Equal(-1, wire.AsSpan().IndexOf(Secret.AsSpan(0, 8)));
    }
}
