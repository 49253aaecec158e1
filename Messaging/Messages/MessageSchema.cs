namespace LlmOrleans.Messaging.Messages;

/// <summary>The schema version every message we write carries in its <c>schema</c> field.</summary>
public static class MessageSchema
{
    /// <summary>The current version. Readers accept messages without the field as this version.</summary>
    public const int Current = 1;
}
