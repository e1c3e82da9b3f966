namespace Actors.Gateway.Patching;

/// <summary>How a strategic merge patch combines a list field with the live one.</summary>
internal enum ListMergeStrategy
{
    /// <summary>The patch's list replaces the live list (the default for lists without patch tags).</summary>
    Replace,

    /// <summary>Elements are maps matched by a merge key; matches merge, new ones are appended.</summary>
    MergeByKey,

    /// <summary>A list of scalars merged as a set (union), e.g. <c>metadata.finalizers</c>.</summary>
    MergeSet,
}
