using Stillpoint.Data.Entities;

namespace Stillpoint.Data.FollowUp;

/// <summary>
/// A clinic's edited measurement schedule template for one scope: every plan ("all") or plans with one indication.
/// Plans without a clinic template use the shipped default (Core <c>DefaultScheduleTemplate</c>). Editable with
/// optimistic concurrency; every change is audited by SaveChanges.
/// </summary>
public sealed class ScheduleTemplateRecord : IClinicScoped, IVersioned
{
    /// <summary>The scope of templates that apply to every plan.</summary>
    public const string AllPlans = "all";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    /// <summary><see cref="AllPlans"/> or a Core <c>Indication</c> name in camelCase (e.g. "ptsd").</summary>
    public required string Scope { get; set; }

    /// <summary>The Core <c>ScheduleTemplate</c> as camelCase JSON (<c>AssessmentJson</c> options).</summary>
    public required string TemplateJson { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? UpdatedBy { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// An in-app notification for a patient (issue 6 §6): a questionnaire that is now open, a session tomorrow.
/// Written once per <see cref="DedupKey"/> by the reminder sweep; the patient marks it read. Text is neutral
/// (no scores, answers or instrument results), the same text that goes to the outbox.
/// </summary>
public sealed class PatientNotification : IPatientOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid PatientId { get; set; }

    /// <summary>One of <see cref="NotificationKinds"/>.</summary>
    public required string Kind { get; set; }

    public required string Title { get; set; }

    public required string Text { get; set; }

    /// <summary>Where in the portal it leads (a relative link).</summary>
    public required string Link { get; set; }

    /// <summary>Unique per clinic: the same reminder is written once whatever the number of sweeps or nodes.</summary>
    public required string DedupKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    public int Version { get; set; }
}

public static class NotificationKinds
{
    public const string QuestionnaireDue = "reminder-questionnaire";
    public const string SessionPreparation = "reminder-session";
}
