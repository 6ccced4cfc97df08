using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Common;
using Stillpoint.Data;
using Stillpoint.Data.Journal;

namespace Stillpoint.Web.Journal;

/// <summary>The clinic's journal prompt sets: read by everyone in the clinic, edited by the clinic admin.</summary>
internal sealed class JournalPromptService(StillpointDbContext db)
{
    public const int MinPromptLength = 10;

    private static readonly string[] PromptKinds = [JournalKinds.Intention, JournalKinds.EveningAfter, JournalKinds.WeekAfter];

    public async Task<JournalPromptsDto> GetAsync(CancellationToken ct)
    {
        var settings = await db.Set<JournalPromptSettings>().AsNoTracking().FirstOrDefaultAsync(ct);
        return ToDto(settings);
    }

    public async Task<string?> PromptForAsync(string kind, CancellationToken ct) =>
        JournalPrompts.For(await db.Set<JournalPromptSettings>().AsNoTracking().FirstOrDefaultAsync(ct), kind);

    /// <summary>Saves all three prompts. Version 0 = editing the defaults (nothing stored yet).</summary>
    public async Task<Outcome<JournalPromptsDto>> UpdateAsync(JournalPromptsUpdate request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var intention = Checked("intention", request.Intention, errors);
        var eveningAfter = Checked("eveningAfter", request.EveningAfter, errors);
        var weekAfter = Checked("weekAfter", request.WeekAfter, errors);
        if (request.Version is not >= 0)
        {
            errors.Add("version", "Send the version you edited (0 while the defaults are in use).");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<JournalPromptsDto>.Invalid(errors);
        }

        var settings = await db.Set<JournalPromptSettings>().FirstOrDefaultAsync(ct);
        if ((settings?.Version ?? 0) != request.Version)
        {
            return Stale();
        }

        if (settings is null)
        {
            // Stored wording starts at version 1, so an editor still holding the defaults (version 0) is stale.
            settings = new JournalPromptSettings { Version = 1 };
            db.Add(settings);
        }
        else
        {
            db.Entry(settings).Property(s => s.Version).OriginalValue = request.Version!.Value;
        }

        settings.IntentionPrompt = intention;
        settings.EveningAfterPrompt = eveningAfter;
        settings.WeekAfterPrompt = weekAfter;
        settings.UpdatedAt = db.Time.GetUtcNow();
        settings.UpdatedBy = db.Caller.UserId;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A stale version, or another admin saved the first wording at the same moment (unique per clinic).
            return Stale();
        }

        return Outcome<JournalPromptsDto>.Ok(ToDto(settings));
    }

    private static string Checked(string field, string? text, ValidationErrors errors)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length < MinPromptLength || trimmed.Length > JournalLimits.Prompt)
        {
            errors.Add(field, $"Write a prompt of {MinPromptLength} to {JournalLimits.Prompt} characters.");
        }

        return trimmed;
    }

    private static JournalPromptsDto ToDto(JournalPromptSettings? settings) => new(
        [.. PromptKinds.Select(k => new JournalPromptSetDto(k, JournalKinds.Title(k), JournalPrompts.For(settings, k)!))],
        settings?.Version ?? 0,
        settings is null);

    private static Outcome<JournalPromptsDto> Stale() =>
        Outcome<JournalPromptsDto>.Conflict("The prompts were changed by someone else while you were editing. Reload and apply your change again.");
}
