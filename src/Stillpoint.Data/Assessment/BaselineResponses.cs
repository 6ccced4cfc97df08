using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Eligibility;
using Stillpoint.Data.Responses;

namespace Stillpoint.Data.Assessment;

/// <summary>What the stored baseline questionnaires say, and where each value came from.</summary>
public sealed record StoredBaseline(BaselineScores Scores, IReadOnlyList<string> Sources, DateTimeOffset? LatestRecordedAt);

/// <summary>
/// Reads the latest complete, current (not superseded) baseline responses of the questionnaires the intake uses.
/// Stored responses are the source of truth; values typed into the intake are the fallback when none is stored.
/// </summary>
public static class BaselineResponses
{
    private static readonly string[] Instruments = ["phq9", "gad7", "rrs22", "ptq", "pcl5", "cssrs-screen"];

    public static async Task<StoredBaseline> LatestBaselineAsync(this StillpointDbContext db, Guid patientId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var responses = db.Set<InstrumentResponse>();
        var rows = await responses.AsNoTracking()
            .Where(r => r.PatientId == patientId && r.Context == "baseline" && r.IsComplete && Instruments.Contains(r.InstrumentId))
            .Where(r => !responses.Any(newer => newer.SupersedesId == r.Id))
            .ToListAsync(ct);
        var latest = rows.GroupBy(r => r.InstrumentId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.AnsweredAt).ThenByDescending(r => r.RecordedAt).First(), StringComparer.Ordinal);
        var sources = new List<string>();
        int? Total(string id)
        {
            if (!latest.TryGetValue(id, out var row) || row.Total is not { } total)
            {
                return null;
            }

            sources.Add(string.Create(CultureInfo.InvariantCulture, $"{id} total {total} (stored response of {row.AnsweredAt:yyyy-MM-dd})"));
            return (int)total;
        }

        var scores = new BaselineScores(
            Phq9Total: Total("phq9"),
            Phq9Item9: Item(latest, "phq9", 9, sources), // clinical-reference §1: item 9
            Gad7Total: Total("gad7"),
            Rrs22Total: Total("rrs22"),
            PtqTotal: Total("ptq"),
            CssrsRisk: Risk(latest, sources),
            Pcl5Total: Total("pcl5"));
        return new StoredBaseline(scores, sources, rows.Count == 0 ? null : rows.Max(r => r.RecordedAt));
    }

    /// <summary>The intake with every baseline value a stored response provides replacing the typed one.</summary>
    public static IntakeAnswers WithStoredBaseline(IntakeAnswers intake, BaselineScores stored)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(stored);
        var typed = intake.Baseline;
        return intake with
        {
            Baseline = new BaselineScores(
                stored.Phq9Total ?? typed.Phq9Total,
                stored.Phq9Item9 ?? typed.Phq9Item9,
                stored.Gad7Total ?? typed.Gad7Total,
                stored.Rrs22Total ?? typed.Rrs22Total,
                stored.PtqTotal ?? typed.PtqTotal,
                stored.CssrsRisk != CssrsRisk.NotDone ? stored.CssrsRisk : typed.CssrsRisk,
                stored.Pcl5Total ?? typed.Pcl5Total),
        };
    }

    private static int? Item(Dictionary<string, InstrumentResponse> latest, string id, int number, List<string> sources)
    {
        if (!latest.TryGetValue(id, out var row))
        {
            return null;
        }

        using var answers = JsonDocument.Parse(row.Answers);
        var items = answers.RootElement;
        if (items.ValueKind != JsonValueKind.Array || items.GetArrayLength() < number || items[number - 1].ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        var value = items[number - 1].GetInt32();
        sources.Add(string.Create(CultureInfo.InvariantCulture, $"{id} item {number} = {value} (stored response of {row.AnsweredAt:yyyy-MM-dd})"));
        return value;
    }

    private static CssrsRisk Risk(Dictionary<string, InstrumentResponse> latest, List<string> sources)
    {
        if (!latest.TryGetValue("cssrs-screen", out var row) || row.Severity is not { } level)
        {
            return CssrsRisk.NotDone;
        }

        // clinical-reference §7: the screener's risk level is the highest item endorsed (none, low, moderate, high).
        var risk = level switch
        {
            "none" => CssrsRisk.None,
            "low" => CssrsRisk.Low,
            "moderate" => CssrsRisk.Moderate,
            "high" => CssrsRisk.High,
            _ => CssrsRisk.NotDone,
        };
        if (risk != CssrsRisk.NotDone)
        {
            sources.Add(string.Create(CultureInfo.InvariantCulture, $"C-SSRS screen risk {level} (stored response of {row.AnsweredAt:yyyy-MM-dd})"));
        }

        return risk;
    }
}
