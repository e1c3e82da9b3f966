namespace Actors.DockerBench;

/// <summary>The measurements so far, by column and row: every repetition kept, the table shows the median.</summary>
internal sealed class Results
{
    private readonly Dictionary<(string Column, string Row), IReadOnlyList<TimeSpan>> _times = [];
    private readonly Dictionary<string, string> _notes = [];

    public void Add(string column, string row, IReadOnlyList<TimeSpan> times)
    {
        _times[(column, row)] = times;
        Console.Error.WriteLine($"{column}: {row}: {string.Join(" ", times.Select(t => $"{t.TotalSeconds:F2}"))} s");
    }

    public void Note(string row, string text) => _notes[row] = text;

    public string? NoteFor(string row) => _notes.GetValueOrDefault(row);

    public IReadOnlyList<TimeSpan>? Times(string column, string row) => _times.GetValueOrDefault((column, row));

    public static TimeSpan Median(IReadOnlyList<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);
}
