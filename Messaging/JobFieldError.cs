namespace LlmOrleans.Messaging;

/// <summary>Why a job is not valid: the field at fault and what is wrong with it.</summary>
/// <param name="Field">The JSON field name, e.g. <c>prompt</c>.</param>
/// <param name="Message">What is wrong, for people.</param>
/// <param name="TooLarge">True when the field is over a size limit (HTTP 413 rather than 400).</param>
public sealed record JobFieldError(string Field, string Message, bool TooLarge = false);
