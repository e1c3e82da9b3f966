using System.Net;
using Actors.NodeAgent.Services.Dns;

namespace Actors.NodeAgent.Tests.Services;

[Trait("Category", "Unit")]
public sealed class DnsWireTests
{
    /// <summary>A query as RFC 1035 §4.1 lays it out: header, then QNAME as length-prefixed labels, QTYPE, QCLASS.</summary>
    internal static byte[] Query(string name, ushort type = DnsType.A, ushort id = 0x1234, ushort flags = 0x0100, ushort questions = 1)
    {
        var bytes = new List<byte> { (byte)(id >> 8), (byte)id, (byte)(flags >> 8), (byte)flags, (byte)(questions >> 8), (byte)questions, 0, 0, 0, 0, 0, 0 };
        foreach (var label in name.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(label.Select(c => (byte)c));
        }
        bytes.AddRange([0, (byte)(type >> 8), (byte)type, 0, 1]);
        return [.. bytes];
    }

    [Fact]
    public void A_query_reads_its_id_flags_and_question_in_lower_case()
    {
        var query = DnsWire.ReadQuery(Query("Web.Default.SVC.cluster.local."));

        Assert.NotNull(query);
        Assert.False(query.Malformed);
        Assert.Equal((0x1234, 0, true), (query.Id, query.Opcode, query.RecursionDesired));
        Assert.Equal(("web.default.svc.cluster.local", DnsType.A, DnsType.ClassIn), (query.Name, query.Type, query.Class));
        Assert.Equal(Query("Web.Default.SVC.cluster.local")[12..], query.Question);
    }

    public static TheoryData<string, byte[]> MalformedCases => new()
    {
        { "no question", Query("a.b", questions: 0) },
        { "two questions", Query("a.b", questions: 2) },
        { "a response, not a query", Query("a.b", flags: 0x8100) },
        { "a label past the end", Query("web.default")[..16] },
        { "no type and class", Query("web")[..17] },
        { "a pointer to itself", [.. Query("")[..12], 0xC0, 12, 0, 1, 0, 1] },
        { "a reserved label type", [.. Query("")[..12], 0x40, 0, 0, 1, 0, 1] },
    };

    [Theory]
    [MemberData(nameof(MalformedCases))]
    public void A_readable_header_with_a_broken_rest_is_malformed(string because, byte[] message)
    {
        var query = DnsWire.ReadQuery(message);

        Assert.True(query is { Malformed: true, Id: 0x1234 }, because);
    }

    [Fact]
    public void Less_than_a_header_is_not_answered() => Assert.Null(DnsWire.ReadQuery(new byte[11]));

    [Fact]
    public void A_compressed_name_follows_its_pointer()
    {
        // "svc.local" at 12, then "web" followed by a pointer to it at 23.
        byte[] message = [.. new byte[12], 3, (byte)'s', (byte)'v', (byte)'c', 5, (byte)'l', (byte)'o', (byte)'c', (byte)'a', (byte)'l', 0, 3, (byte)'w', (byte)'e', (byte)'b', 0xC0, 12];

        Assert.Equal(("web.svc.local", message.Length), DnsWire.ReadName(message, 23));
    }

    [Fact]
    public void A_response_echoes_the_question_and_carries_A_records_named_by_pointer()
    {
        var query = DnsWire.ReadQuery(Query("web.default.svc.cluster.local"))!;

        var response = DnsWire.WriteResponse(query, DnsResponseCode.NoError, [IPAddress.Parse("10.96.0.10"), IPAddress.Parse("fd00::1")], authoritative: true, ttl: 5);

        byte[] header = [0x12, 0x34, 0x85, 0x00, 0, 1, 0, 1, 0, 0, 0, 0];
        byte[] answer = [0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 5, 0, 4, 10, 96, 0, 10];
        Assert.Equal([.. header, .. query.Question, .. answer], response);
    }

    [Fact]
    public void A_response_carries_the_error_code_without_authority_when_asked_to()
    {
        var query = DnsWire.ReadQuery(Query("example.com", flags: 0))!;

        var response = DnsWire.WriteResponse(query, DnsResponseCode.Refused, [], authoritative: false, ttl: 5);

        Assert.Equal([0x12, 0x34, 0x80, 0x05, 0, 1, 0, 0], response[..8]);
    }

    [Fact]
    public void A_malformed_query_is_answered_with_its_id_and_no_question()
    {
        var query = DnsWire.ReadQuery(Query("a.b", questions: 2))!;

        var response = DnsWire.WriteResponse(query, DnsResponseCode.FormatError, [], authoritative: false, ttl: 5);

        Assert.Equal([0x12, 0x34, 0x81, 0x01, 0, 0, 0, 0, 0, 0, 0, 0], response);
    }

    [Fact]
    public void An_answer_too_long_for_the_limit_is_truncated()
    {
        var query = DnsWire.ReadQuery(Query("web.default.svc.cluster.local"))!;
        var addresses = Enumerable.Range(1, 40).Select(i => IPAddress.Parse($"172.17.0.{i}")).ToList();

        var response = DnsWire.WriteResponse(query, DnsResponseCode.NoError, addresses, authoritative: true, ttl: 5, limit: DnsWire.MaxUdpLength);

        Assert.Equal(0x02, response[2] & 0x02);
        Assert.Equal([0, 0], response[6..8]);
        Assert.Equal(12 + query.Question.Length, response.Length);
    }
}
