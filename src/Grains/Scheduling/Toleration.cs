namespace Actors.Grains.Scheduling;

/// <summary>A pod toleration; operator is Equal (default) or Exists; an empty key with Exists tolerates everything.</summary>
public sealed record Toleration(string? Key, string? Operator, string? Value, string? Effect)
{
    public bool Tolerates(Taint taint)
    {
        if (!string.IsNullOrEmpty(Effect) && Effect != taint.Effect)
        {
            return false;
        }
        if (string.IsNullOrEmpty(Key))
        {
            return Operator == "Exists";
        }
        if (Key != taint.Key)
        {
            return false;
        }
        return Operator == "Exists" || (Value ?? "") == (taint.Value ?? "");
    }
}
