using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Common;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Instruments.Scoring;
using Stillpoint.Core.Instruments.Wording;
using Stillpoint.Data;
using Stillpoint.Data.Instruments;

namespace Stillpoint.Web.Instruments;

/// <summary>
/// The instrument library (loaded once at start-up) as the caller's clinic sees it: with its official
/// wording where loaded. Also stateless scoring and wording import. Shared by API and pages.
/// </summary>
internal sealed class InstrumentCatalog(InstrumentLibrary library, StillpointDbContext db)
{
    public InstrumentLibrary Library => library;

    public async Task<IReadOnlyList<InstrumentDto>> ListAsync(CancellationToken ct)
    {
        var wording = await ClinicWordingStore.ForCallerAsync(db, null, ct);
        return [.. library.All.Select(definition => InstrumentDto.From(definition, wording.GetValueOrDefault(definition.Id)))];
    }

    public async Task<Outcome<InstrumentDto>> GetAsync(string id, CancellationToken ct)
    {
        if (!library.TryGet(id, out var definition))
        {
            return Outcome<InstrumentDto>.NotFound($"No instrument '{id}'.");
        }

        var wording = await ClinicWordingStore.ForCallerAsync(db, definition.Id, ct);
        return Outcome<InstrumentDto>.Ok(InstrumentDto.From(definition, wording.GetValueOrDefault(definition.Id)));
    }

    /// <summary>Scores without storing anything. Unknown instrument: 404 (it is the resource in the path).</summary>
    public Outcome<ScoreDto> Score(string id, ScoreRequest? request)
    {
        if (!library.TryGet(id, out var definition))
        {
            return Outcome<ScoreDto>.NotFound($"No instrument '{id}'. Known: {string.Join(", ", library.All.Select(d => d.Id))}.");
        }

        var errors = new ValidationErrors();
        var answers = AnswerInput.FromJson(request?.Answers, errors);
        if (answers is null || !errors.IsEmpty)
        {
            return Outcome<ScoreDto>.Invalid(errors);
        }

        var attempt = InstrumentScorer.Score(definition, answers);
        if (attempt.Result is not { } result)
        {
            AnswerInput.AddEngineErrors(attempt.Errors, errors);
            return Outcome<ScoreDto>.Invalid(errors);
        }

        return Outcome<ScoreDto>.Ok(ScoreDto.From(result));
    }

    /// <summary>Loads official wording from a FHIR Questionnaire or our own format for the caller's clinic.</summary>
    public async Task<Outcome<WordingImportResult>> ImportWordingAsync(string? json, string? instrumentId, string? sourceName, CancellationToken ct)
    {
        if (db.Caller.ClinicId is not { } clinicId)
        {
            return Outcome<WordingImportResult>.Forbidden("Only a clinic's admin loads wording.");
        }

        var parsed = WordingFileParser.Parse(library, json, instrumentId);
        if (!parsed.Succeeded)
        {
            return Outcome<WordingImportResult>.Invalid(parsed.Errors!);
        }

        var import = parsed.Value!;
        int count;
        try
        {
            count = await ClinicWordingStore.ImportAsync(db, clinicId, import, sourceName, ct);
        }
        catch (DbUpdateException)
        {
            // Another admin loaded wording for the same instrument at the same moment (unique index / version).
            return Outcome<WordingImportResult>.Conflict("Wording for this instrument was loaded by someone else at the same moment: load it again.");
        }

        return Outcome<WordingImportResult>.Ok(new WordingImportResult(import.InstrumentId, count, library.Get(import.InstrumentId).Items.Count, import.Format, import.Ignored));
    }
}
