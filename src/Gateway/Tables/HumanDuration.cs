namespace Actors.Gateway.Tables;

/// <summary>kubectl's age format (KUBECTL-API.md §8.3), e.g. <c>45s</c>, <c>3m12s</c>, <c>5h</c>, <c>12d</c>.</summary>
internal static class HumanDuration
{
    public static string Age(string? timestamp, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || !DateTimeOffset.TryParse(timestamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
            || time == DateTimeOffset.MinValue || time.Year <= 1)
        {
            return "<unknown>";
        }
        return Format(now - time);
    }

    public static string Format(TimeSpan d)
    {
        if (d < TimeSpan.FromSeconds(-1))
        {
            return "<invalid>";
        }
        if (d < TimeSpan.Zero)
        {
            return "0s";
        }
        var seconds = (long)d.TotalSeconds;
        var minutes = (long)d.TotalMinutes;
        var hours = (long)d.TotalHours;
        var days = (long)d.TotalDays;
        var years = days / 365;
        if (seconds < 120)
        {
            return $"{seconds}s";
        }
        if (minutes < 10)
        {
            var s = seconds % 60;
            return s == 0 ? $"{minutes}m" : $"{minutes}m{s}s";
        }
        if (minutes < 180)
        {
            return $"{minutes}m";
        }
        if (hours < 8)
        {
            var m = minutes % 60;
            return m == 0 ? $"{hours}h" : $"{hours}h{m}m";
        }
        if (hours < 48)
        {
            return $"{hours}h";
        }
        if (hours < 192)
        {
            var h = hours % 24;
            return h == 0 ? $"{days}d" : $"{days}d{h}h";
        }
        if (days < 365 * 2)
        {
            return $"{days}d";
        }
        if (days < 365 * 8)
        {
            var dd = days % 365;
            return dd == 0 ? $"{years}y" : $"{years}y{dd}d";
        }
        return $"{years}y";
    }
}
