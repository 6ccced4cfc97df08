using Stillpoint.Data.Entities;

namespace Stillpoint.Data.Outbox;

/// <summary>
/// A message waiting for delivery by an email/SMS sender outside this process (no sending over the network here).
/// Written in the same transaction as the change that caused it, so a message is never lost nor sent for a change
/// that rolled back. The body is deliberately neutral ("you have a questionnaire due", "an alert needs you"):
/// email and SMS are not private channels, so no scores or answers ever go into an outbox row.
/// </summary>
public sealed class OutboxMessage : IClinicScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    /// <summary>The patient the message is about or addressed to, if any (for audit and clean-up, not shown in the body).</summary>
    public Guid? PatientId { get; set; }

    /// <summary>The account the message is for (staff user or a patient's login).</summary>
    public Guid? RecipientUserId { get; set; }

    /// <summary>The address to deliver to (an email address or a phone number) as known when the message was written.</summary>
    public required string RecipientAddress { get; set; }

    /// <summary>One of <see cref="OutboxChannels"/>.</summary>
    public required string Channel { get; set; }

    /// <summary>What kind of message this is, e.g. "alert", "alert-escalation", "reminder-questionnaire".</summary>
    public required string Kind { get; set; }

    /// <summary>Delivery payload as JSON: subject, neutral text, link into the app.</summary>
    public required string Payload { get; set; }

    /// <summary>A key that makes writing the same message twice a no-op (unique per clinic), e.g. "alert/{id}/email".</summary>
    public required string DedupKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set by the sender once delivered; null while waiting.</summary>
    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }
}

public static class OutboxChannels
{
    public const string Email = "email";
    public const string Sms = "sms";
}
