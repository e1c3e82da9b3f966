using System.Globalization;
using Actors.Runtime.Membership;

namespace Actors.Runtime.Sql;

/// <summary>
/// Orleans' text form of a row's suspicions, <c>ip:port@gen,date|ip:port@gen,date</c> with UTC dates to the
/// millisecond; no votes is stored as NULL.
/// </summary>
internal static class SuspectTimesFormat
{
    private const string DateFormat = "yyyy-MM-dd HH:mm:ss.fff 'GMT'";

    public static string? Format(IReadOnlyList<SuspectVote> votes)
    {
        ArgumentNullException.ThrowIfNull(votes);
        if (votes.Count == 0)
        {
            return null;
        }
        return string.Join('|', votes.Select(vote =>
            vote.Suspecter.ToParsableString() + "," + vote.Time.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture)));
    }

    /// <exception cref="FormatException">An entry is not <c>address,date</c>; the message quotes it.</exception>
    public static IReadOnlyList<SuspectVote> Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return [];
        }
        var votes = new List<SuspectVote>();
        foreach (var entry in value.Split('|'))
        {
            var comma = entry.LastIndexOf(',');
            if (comma <= 0 || !DateTimeOffset.TryParseExact(
                    entry[(comma + 1)..],
                    DateFormat,
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                    out var time))
            {
                throw new FormatException($"Suspect time '{entry}' is not of the form 'ip:port@generation,{DateFormat}'.");
            }
            votes.Add(new SuspectVote(SiloAddress.Parse(entry[..comma]), time));
        }
        return votes;
    }
}
