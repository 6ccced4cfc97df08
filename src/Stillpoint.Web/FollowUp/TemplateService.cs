using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Common;
using Stillpoint.Core.FollowUp;
using Stillpoint.Core.Instruments;
using Stillpoint.Data;
using Stillpoint.Data.Assessment;
using Stillpoint.Data.FollowUp;

namespace Stillpoint.Web.FollowUp;

/// <summary>
/// The clinic's measurement schedule templates (issue 6 §1): one per scope ("all" or an indication), the shipped
/// default until edited. Saving validates the whole template and refuses a stale version (409).
/// </summary>
internal sealed class TemplateService(StillpointDbContext db, InstrumentLibrary library)
{
    private DbSet<ScheduleTemplateRecord> Records => db.Set<ScheduleTemplateRecord>();

    public async Task<IReadOnlyList<TemplateDto>> ListAsync(CancellationToken ct)
    {
        var records = await Records.AsNoTracking().ToListAsync(ct);
        var all = records.Find(r => r.Scope == ScheduleTemplateRecord.AllPlans);
        return [.. TemplateScopes.All.Select(scope => ToDto(scope, records.Find(r => r.Scope == scope), all))];
    }

    public async Task<Outcome<TemplateDto>> GetAsync(string scope, CancellationToken ct)
    {
        if (!TemplateScopes.IsKnown(scope))
        {
            return Outcome<TemplateDto>.NotFound(UnknownScope(scope));
        }

        var records = await Records.AsNoTracking().Where(r => r.Scope == scope || r.Scope == ScheduleTemplateRecord.AllPlans).ToListAsync(ct);
        return Outcome<TemplateDto>.Ok(ToDto(scope, records.Find(r => r.Scope == scope), records.Find(r => r.Scope == ScheduleTemplateRecord.AllPlans)));
    }

    /// <summary>Stores the template for the scope. Version 0 creates it (nothing stored yet); otherwise it must match.</summary>
    public async Task<Outcome<TemplateDto>> SaveAsync(string scope, TemplateRequest? body, CancellationToken ct)
    {
        if (!TemplateScopes.IsKnown(scope))
        {
            return Outcome<TemplateDto>.NotFound(UnknownScope(scope));
        }

        var errors = new ValidationErrors();
        if (body?.Version is not { } version || version < 0)
        {
            errors.Add("version", "Send the version you edited (0 when the scope still uses the default).");
            return Outcome<TemplateDto>.Invalid(errors);
        }

        var template = TemplateMapping.FromRequest(body, library, errors);
        if (template is null)
        {
            return Outcome<TemplateDto>.Invalid(errors);
        }

        var record = await Records.FirstOrDefaultAsync(r => r.Scope == scope, ct);
        if ((record is null && version != 0) || (record is not null && record.Version != version))
        {
            return Outcome<TemplateDto>.Conflict(StaleMessage);
        }

        if (record is null)
        {
            // Version 1 from the start: 0 means "nothing stored", so a second first-save is seen as stale.
            record = new ScheduleTemplateRecord { Scope = scope, TemplateJson = "", Version = 1 };
            Records.Add(record);
        }
        else
        {
            db.Entry(record).Property(r => r.Version).OriginalValue = version;
        }

        record.TemplateJson = AssessmentJson.Write(template);
        record.UpdatedAt = db.Time.GetUtcNow();
        record.UpdatedBy = db.Caller.UserId;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent save won (stale version, or two first saves of the same scope).
            db.ChangeTracker.Clear();
            return Outcome<TemplateDto>.Conflict(StaleMessage);
        }

        return await GetAsync(scope, ct);
    }

    private const string StaleMessage = "Someone changed this template since you opened it: reload and edit the current version.";

    private static string UnknownScope(string scope) => $"No template scope '{scope}'. Known: {string.Join(", ", TemplateScopes.All)}.";

    /// <summary>What applies to the scope: its own record, else (for an indication) the clinic's "all" template, else the default.</summary>
    private static TemplateDto ToDto(string scope, ScheduleTemplateRecord? own, ScheduleTemplateRecord? all)
    {
        var effective = own ?? all;
        var template = effective is null ? DefaultScheduleTemplate.Instance : TemplateScopes.Read(effective);
        return new TemplateDto(
            scope,
            TemplateScopes.Describe(scope),
            own is null,
            own?.Version ?? 0,
            template.Name,
            [.. template.Rules.Select(TemplateMapping.ToDto)],
            [.. template.Triggers.Select(TemplateMapping.ToDto)],
            own?.UpdatedAt);
    }
}
