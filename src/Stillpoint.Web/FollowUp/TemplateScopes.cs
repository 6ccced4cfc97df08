using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Eligibility;
using Stillpoint.Core.FollowUp;
using Stillpoint.Data;
using Stillpoint.Data.Assessment;
using Stillpoint.Data.FollowUp;

namespace Stillpoint.Web.FollowUp;

/// <summary>The template in force for a scope, and whether it is the clinic's own or the shipped default.</summary>
internal sealed record ResolvedTemplate(string Scope, ScheduleTemplate Template, ScheduleTemplateRecord? Record)
{
    public bool IsDefault => Record is null;
}

/// <summary>
/// Template scopes and resolution. A plan uses the clinic's template for the first of its indications (in the plan's
/// order) that has one, else the clinic's "all plans" template, else the shipped default (issue 6 §1).
/// </summary>
internal static class TemplateScopes
{
    public static IReadOnlyList<string> All { get; } =
        [ScheduleTemplateRecord.AllPlans, .. Enum.GetValues<Indication>().Select(Name)];

    public static string Name(Indication indication) => JsonNamingPolicy.CamelCase.ConvertName(indication.ToString());

    public static bool IsKnown(string? scope) => scope is not null && All.Contains(scope, StringComparer.Ordinal);

    public static string Describe(string scope) => scope == ScheduleTemplateRecord.AllPlans
        ? "Every plan (unless an indication has its own)"
        : "Plans for " + Enum.GetValues<Indication>().First(i => Name(i) == scope);

    public static ScheduleTemplate Read(ScheduleTemplateRecord record) => AssessmentJson.Read<ScheduleTemplate>(record.TemplateJson);

    public static async Task<ResolvedTemplate> ForPlanAsync(StillpointDbContext db, Guid clinicId, IReadOnlyList<Indication> indications, CancellationToken ct)
    {
        var records = await db.Set<ScheduleTemplateRecord>().AsNoTracking().Where(t => t.ClinicId == clinicId).ToListAsync(ct);
        var scopes = indications.Select(Name).Append(ScheduleTemplateRecord.AllPlans);
        foreach (var scope in scopes)
        {
            if (records.Find(r => r.Scope == scope) is { } record)
            {
                return new ResolvedTemplate(scope, Read(record), record);
            }
        }

        return new ResolvedTemplate(ScheduleTemplateRecord.AllPlans, DefaultScheduleTemplate.Instance, null);
    }
}
