namespace Actors.Gateway.Patching;

/// <summary>The strategic-merge rule of one list field; <see cref="MergeKey"/> is set for <see cref="ListMergeStrategy.MergeByKey"/>.</summary>
internal sealed record ListPatchRule(ListMergeStrategy Strategy, string? MergeKey = null)
{
    public static readonly ListPatchRule Replace = new(ListMergeStrategy.Replace);

    public static readonly ListPatchRule Set = new(ListMergeStrategy.MergeSet);

    public static ListPatchRule ByKey(string key) => new(ListMergeStrategy.MergeByKey, key);
}
