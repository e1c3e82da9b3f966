namespace Actors.Grains.Abstractions.Validation;

/// <summary>The <c>causes[].reason</c> values Kubernetes uses for field errors.</summary>
public static class ValidationReasons
{
    public const string Required = "FieldValueRequired";
    public const string Invalid = "FieldValueInvalid";
    public const string Duplicate = "FieldValueDuplicate";
    public const string NotSupported = "FieldValueNotSupported";
    public const string Forbidden = "FieldValueForbidden";
    public const string TooLong = "FieldValueTooLong";
    public const string NotFound = "FieldValueNotFound";
}
