namespace Actors.Gateway.Errors;

/// <summary>The field error types of apimachinery's <c>field.ErrorType</c>, as they appear in a Status cause.</summary>
internal enum FieldErrorType
{
    Required,
    Invalid,
    NotFound,
    Duplicate,
    NotSupported,
    Forbidden,
    TooLong,
}
