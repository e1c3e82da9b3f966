namespace Actors;

public enum DeactivationReasonCode
{
    None,
    ShuttingDown,
    ActivationIdle,
    ApplicationRequested,
    DuplicateActivation,
    IncompatibleRequest,
    ApplicationError,
    Migrating,
    ActivationFailed,
    InternalFailure,
}

public readonly record struct DeactivationReason(DeactivationReasonCode ReasonCode, string Description)
{
    public override string ToString() => $"{ReasonCode}: {Description}";
}
