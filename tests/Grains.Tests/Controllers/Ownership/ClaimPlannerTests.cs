using Actors.Grains.Controllers.Ownership;

namespace Actors.Grains.Tests.Controllers.Ownership;

[Trait("Category", "Unit")]
public sealed class ClaimPlannerTests
{
    private const string Me = "uid-me";

    private static ClaimCandidate Child(string name, string? controller, bool matches = true, bool deleting = false) => new(name, controller, matches, deleting);

    public static TheoryData<string, bool, ClaimCandidate[], string[], string[], string[]> Cases => new()
    {
        { "own and matching: kept", false, [Child("a", Me)], ["a"], [], [] },
        { "own, labels no longer match (kubectl label pod a app-): released", false, [Child("a", Me, matches: false)], [], [], ["a"] },
        { "orphan that matches (a bare pod with the labels): adopted", false, [Child("b", null)], [], ["b"], [] },
        { "orphan that does not match: left alone", false, [Child("b", null, matches: false)], [], [], [] },
        { "orphan being deleted: not adopted", false, [Child("b", null, deleting: true)], [], [], [] },
        { "another controller's, even matching: never touched", false, [Child("c", "uid-other")], [], [], [] },
        { "owner being deleted adopts nothing and releases nothing", true, [Child("a", Me, matches: false), Child("b", null)], ["a"], [], [] },
        {
            "a mix",
            false,
            [Child("a", Me), Child("b", Me, matches: false), Child("c", null), Child("d", "uid-other", matches: false)],
            ["a"], ["c"], ["b"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plan_KeepsAdoptsAndReleases(string scenario, bool ownerDeleting, ClaimCandidate[] candidates, string[] keep, string[] adopt, string[] release)
    {
        var plan = ClaimPlanner.Plan(Me, ownerDeleting, candidates);
        Assert.True(keep.SequenceEqual(plan.Keep), $"{scenario}: keep {string.Join(",", plan.Keep)}");
        Assert.True(adopt.SequenceEqual(plan.Adopt), $"{scenario}: adopt {string.Join(",", plan.Adopt)}");
        Assert.True(release.SequenceEqual(plan.Release), $"{scenario}: release {string.Join(",", plan.Release)}");
    }
}
