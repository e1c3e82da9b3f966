namespace Actors.Grains.Controllers.Ownership;

/// <summary>
/// What the claim decision needs to know about one object an owner might control: the uid of its controller
/// (null for an orphan), whether the owner's selector matches its labels, and whether it is being deleted.
/// </summary>
public sealed record ClaimCandidate(string Name, string? ControllerUid, bool Matches, bool Deleting);
