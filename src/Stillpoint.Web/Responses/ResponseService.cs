using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Common;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Instruments.Definitions;
using Stillpoint.Core.Instruments.Scoring;
using Stillpoint.Data;
using Stillpoint.Data.Entities;
using Stillpoint.Data.Responses;
using Stillpoint.Web.Instruments;

namespace Stillpoint.Web.Responses;

/// <summary>
/// Stored questionnaire responses: enter, list, read, correct, compare. Shared by the API and the pages.
/// Every read is audited; every write is one transaction (audited inside SaveChanges); bad answers store nothing.
/// </summary>
internal sealed class ResponseService(StillpointDbContext db, InstrumentLibrary library, IEnumerable<IResponseStoredHandler> handlers)
{
    /// <summary>Clock skew tolerated on a client-given answered-at time.</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private DbSet<InstrumentResponse> Responses => db.Set<InstrumentResponse>();

    public static ResponseInput FromRequest(NewResponseRequest? body, ValidationErrors errors)
    {
        var answers = AnswerInput.FromJson(body?.Answers, errors);
        return new ResponseInput(body?.InstrumentId, answers, body?.AnsweredAt, body?.Context, body?.DosingSessionId, body?.Status, body?.DraftId);
    }

    public static ResponseInput FromRequest(CorrectionRequest? body, ValidationErrors errors)
    {
        var answers = AnswerInput.FromJson(body?.Answers, errors);
        return new ResponseInput(null, answers, body?.AnsweredAt, body?.Context, body?.DosingSessionId, body?.Status, Reason: body?.Reason);
    }

    /// <summary>Stores a response (complete or draft) for the patient. A patient account may enter its own self-reports.</summary>
    /// <param name="parseErrors">Errors found while reading the request (e.g. a non-integer answer); nothing is stored if any.</param>
    public async Task<Outcome<ResponseDto>> CreateAsync(Guid patientId, ResponseInput input, ValidationErrors parseErrors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, ct);
        if (patient is null)
        {
            return Outcome<ResponseDto>.NotFound($"No patient {patientId}.");
        }

        var errors = parseErrors;
        InstrumentDefinition? definition = null;
        if (string.IsNullOrWhiteSpace(input.InstrumentId))
        {
            errors.Add("instrumentId", "Choose an instrument (see GET /api/v1/instruments).");
        }
        else if (!library.TryGet(input.InstrumentId.Trim(), out definition))
        {
            errors.Add("instrumentId", $"Unknown instrument '{input.InstrumentId.Trim()}'. Known: {string.Join(", ", library.All.Select(d => d.Id))}.");
        }

        if (definition is { Kind: InstrumentKind.ClinicianRated } && db.Caller.PatientId is not null)
        {
            return Outcome<ResponseDto>.Forbidden($"{definition.Id} is clinician-rated: staff enter it.");
        }

        InstrumentResponse? draft = null;
        if (input.DraftId is { } draftId)
        {
            draft = await Responses.AsNoTracking().FirstOrDefaultAsync(r => r.Id == draftId && r.PatientId == patientId, ct);
            var problem = draft is null ? "No such draft for this patient."
                : draft.Status != ResponseValues.Draft ? "This response is not a draft: correct it instead."
                : definition is not null && draft.InstrumentId != definition.Id ? $"The draft is a {draft.InstrumentId} response."
                : await Responses.AnyAsync(r => r.SupersedesId == draftId, ct) ? "This draft was already completed or replaced."
                : null;
            if (problem is not null)
            {
                errors.Add("draftId", problem);
            }
        }

        var draftReason = input.Status?.Trim() == ResponseValues.Draft ? "draft continued" : "draft completed";
        return await StoreAsync(patient, definition, input, draft, draft is null ? null : draftReason, errors, ct);
    }

    /// <summary>A correction: a new response superseding the given one, with a reason. Both are kept.</summary>
    public async Task<Outcome<ResponseDto>> CorrectAsync(Guid patientId, Guid responseId, ResponseInput input, ValidationErrors parseErrors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (db.Caller.PatientId is not null)
        {
            return Outcome<ResponseDto>.Forbidden("Staff correct stored responses.");
        }

        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, ct);
        var original = patient is null ? null
            : await Responses.AsNoTracking().FirstOrDefaultAsync(r => r.Id == responseId && r.PatientId == patientId, ct);
        if (patient is null || original is null)
        {
            return Outcome<ResponseDto>.NotFound(patient is null ? $"No patient {patientId}." : $"No response {responseId} for this patient.");
        }

        if (await Responses.AsNoTracking().FirstOrDefaultAsync(r => r.SupersedesId == responseId, ct) is { } newer)
        {
            return Outcome<ResponseDto>.Conflict($"This response was already replaced by {newer.Id}: correct that one instead.");
        }

        var errors = parseErrors;
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            errors.Add("reason", "Give the reason for the correction.");
        }
        else if (reason.Length > ResponseValues.MaxReasonLength)
        {
            errors.Add("reason", $"At most {ResponseValues.MaxReasonLength} characters.");
        }

        if (!library.TryGet(original.InstrumentId, out var definition))
        {
            return Outcome<ResponseDto>.Conflict($"Instrument '{original.InstrumentId}' is no longer in the library.");
        }

        var merged = input with
        {
            AnsweredAt = input.AnsweredAt ?? original.AnsweredAt,
            Context = input.Context ?? original.Context,
            DosingSessionId = input.DosingSessionId ?? original.DosingSessionId,
            Status = input.Status ?? original.Status,
        };
        return await StoreAsync(patient, definition, merged, original, reason, errors, ct);
    }

    public async Task<Outcome<IReadOnlyList<ResponseDto>>> ListAsync(Guid patientId, string? instrumentId, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, ct);
        if (patient is null)
        {
            return Outcome<IReadOnlyList<ResponseDto>>.NotFound($"No patient {patientId}.");
        }

        var query = Responses.AsNoTracking().Where(r => r.PatientId == patientId);
        if (!string.IsNullOrWhiteSpace(instrumentId))
        {
            var id = instrumentId.Trim();
            query = query.Where(r => r.InstrumentId == id);
        }

        var rows = await query.OrderByDescending(r => r.AnsweredAt).ThenByDescending(r => r.RecordedAt).ToListAsync(ct);
        var superseded = await SupersededByAsync(patientId, ct);
        await db.AuditReadAsync(nameof(InstrumentResponse), null, patient.Id, patient.ClinicId, ct, $"list: {rows.Count.ToString(CultureInfo.InvariantCulture)}");
        return Outcome<IReadOnlyList<ResponseDto>>.Ok([.. rows.Select(r => ToDto(r, superseded.TryGetValue(r.Id, out var newer) ? newer : null))]);
    }

    public async Task<Outcome<ResponseDto>> GetAsync(Guid patientId, Guid responseId, CancellationToken ct)
    {
        var row = await Responses.AsNoTracking().FirstOrDefaultAsync(r => r.Id == responseId && r.PatientId == patientId, ct);
        if (row is null)
        {
            return Outcome<ResponseDto>.NotFound($"No response {responseId} for patient {patientId}.");
        }

        var newer = await Responses.AsNoTracking().Where(r => r.SupersedesId == responseId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        await db.AuditReadAsync(nameof(InstrumentResponse), row.Id.ToString(), row.PatientId, row.ClinicId, ct);
        return Outcome<ResponseDto>.Ok(ToDto(row, newer));
    }

    /// <summary>
    /// Jacobson–Truax reliable change between two complete, current (not superseded) responses of one
    /// instrument; by default the first against the latest.
    /// </summary>
    public async Task<Outcome<ReliableChangeDto>> ReliableChangeAsync(Guid patientId, string? instrumentId, Guid? fromId, Guid? toId, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, ct);
        if (patient is null)
        {
            return Outcome<ReliableChangeDto>.NotFound($"No patient {patientId}.");
        }

        if (string.IsNullOrWhiteSpace(instrumentId) || !library.TryGet(instrumentId.Trim(), out var definition))
        {
            return Outcome<ReliableChangeDto>.Invalid("instrument", string.IsNullOrWhiteSpace(instrumentId) ? "Name the instrument, e.g. ?instrument=phq9." : $"Unknown instrument '{instrumentId.Trim()}'.");
        }

        if (definition.Scoring.Method != ScoringMethod.Sum)
        {
            return Outcome<ReliableChangeDto>.Invalid("instrument", $"{definition.Id} has no total, so no reliable change index.");
        }

        var superseded = await SupersededByAsync(patientId, ct);
        var candidates = (await Responses.AsNoTracking()
                .Where(r => r.PatientId == patientId && r.InstrumentId == definition.Id && r.Status == ResponseValues.Complete && r.IsComplete && r.Total != null)
                .ToListAsync(ct))
            .Where(r => !superseded.ContainsKey(r.Id))
            .OrderBy(r => r.AnsweredAt).ThenBy(r => r.RecordedAt)
            .ToList();
        var errors = new ValidationErrors();
        var from = Pick(candidates, fromId, first: true, "from", definition.Id, errors);
        var to = Pick(candidates, toId, first: false, "to", definition.Id, errors);
        if (errors.IsEmpty && (from is null || to is null || from.Id == to.Id))
        {
            errors.Add(fromId is null && toId is null ? "instrument" : "to", fromId is null && toId is null
                ? $"Reliable change needs two complete {definition.Id} responses; this patient has {candidates.Count.ToString(CultureInfo.InvariantCulture)}."
                : "Choose two different responses.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<ReliableChangeDto>.Invalid(errors);
        }

        // No clinic-specific SD/reliability is stored yet: the definition's defaults apply (flagged when unverified).
        var result = ReliableChange.Compute(definition, from!.Total!.Value, to!.Total!.Value);
        var rules = OutcomeRules.Evaluate(definition, from.Total.Value, to.Total.Value);
        await db.AuditReadAsync(nameof(InstrumentResponse), to.Id.ToString(), patient.Id, patient.ClinicId, ct, $"reliable change from {from.Id}");
        return Outcome<ReliableChangeDto>.Ok(new ReliableChangeDto(
            definition.Id,
            new ResponseRef(from.Id, from.AnsweredAt, from.Total.Value),
            new ResponseRef(to.Id, to.AnsweredAt, to.Total.Value),
            result.Change,
            result.Index is { } index ? Math.Round(index, 3) : null,
            result.Label,
            result.Explanation,
            result.UsesUnverifiedValues,
            [.. rules.Select(rule => new OutcomeRuleDto(rule.Rule.Name, rule.IsMet, rule.Explanation))]));
    }

    private static InstrumentResponse? Pick(List<InstrumentResponse> candidates, Guid? id, bool first, string field, string instrument, ValidationErrors errors)
    {
        if (id is null)
        {
            return candidates.Count == 0 ? null : first ? candidates[0] : candidates[^1];
        }

        var match = candidates.Find(r => r.Id == id);
        if (match is null)
        {
            errors.Add(field, $"Not a complete, current (not superseded) {instrument} response of this patient.");
        }

        return match;
    }

    private async Task<Outcome<ResponseDto>> StoreAsync(
        Patient patient, InstrumentDefinition? definition, ResponseInput input, InstrumentResponse? supersedes, string? reason, ValidationErrors errors, CancellationToken ct)
    {
        var context = input.Context?.Trim();
        if (string.IsNullOrEmpty(context) || !ResponseValues.Contexts.Contains(context, StringComparer.Ordinal))
        {
            errors.Add("context", $"Choose one of: {string.Join(", ", ResponseValues.Contexts)}.");
        }

        var status = string.IsNullOrWhiteSpace(input.Status) ? ResponseValues.Complete : input.Status.Trim();
        if (status is not (ResponseValues.Complete or ResponseValues.Draft))
        {
            errors.Add("status", "Either complete or draft.");
        }

        var now = Microseconds(db.Time.GetUtcNow());
        var answeredAt = Microseconds((input.AnsweredAt ?? now).ToUniversalTime());
        if (answeredAt > now + FutureTolerance)
        {
            errors.Add("answeredAt", "Cannot be in the future.");
        }
        else if (answeredAt < Earliest)
        {
            errors.Add("answeredAt", "Too far in the past.");
        }

        ScoreResult? result = null;
        if (definition is not null && input.Answers is not null && errors.ToDictionary().Keys.All(key => !key.StartsWith("answers", StringComparison.Ordinal)))
        {
            var attempt = InstrumentScorer.Score(definition, input.Answers);
            AnswerInput.AddEngineErrors(attempt.Errors, errors);
            result = attempt.Result;
            if (result is { IsComplete: false } && status == ResponseValues.Complete)
            {
                foreach (var number in result.MissingItems)
                {
                    errors.Add(AnswerInput.Field(number), $"Item {number.ToString(CultureInfo.InvariantCulture)} ({definition.Item(number).Label}) is not answered: a complete response needs it. Save as a draft to finish later.");
                }
            }
        }

        if (!errors.IsEmpty || result is null || definition is null)
        {
            return Outcome<ResponseDto>.Invalid(errors);
        }

        var isDraft = status == ResponseValues.Draft;
        var row = new InstrumentResponse
        {
            ClinicId = patient.ClinicId,
            PatientId = patient.Id,
            InstrumentId = definition.Id,
            InstrumentVersion = definition.Version,
            Answers = AnswerInput.ToJson(input.Answers!),
            AnsweredAt = answeredAt,
            RecordedAt = now,
            EnteredByUserId = db.Caller.UserId,
            EnteredBy = db.Caller.PatientId is null ? ResponseValues.EnteredByStaff : ResponseValues.EnteredByPatient,
            Context = context!,
            DosingSessionId = input.DosingSessionId,
            Status = status,

            // A draft is never scored as complete; its flags are kept (a safety item answered in a draft still counts).
            Total = isDraft ? null : result.Total,
            Severity = isDraft ? null : result.Severity,
            Flags = JsonSerializer.Serialize(result.Flags.Select(flag => flag.Name)),
            Subscales = isDraft ? "{}" : JsonSerializer.Serialize(result.Subscales.ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal)),
            IsComplete = !isDraft && result.IsComplete,
            IsProrated = !isDraft && result.IsProrated,
            Explanation = JsonSerializer.Serialize(isDraft
                ? ["Draft: not scored until it is completed.", .. result.Explanation.Where(line => line.StartsWith("Flag ", StringComparison.Ordinal))]
                : result.Explanation),
            SupersedesId = supersedes?.Id,
            CorrectionReason = reason,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Responses.Add(row);
        try
        {
            foreach (var handler in handlers)
            {
                await handler.OnStoredAsync(row, ct);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException) when (supersedes is not null)
        {
            // Lost a race: another correction of the same response won (unique index on SupersedesId).
            db.ChangeTracker.Clear(); // the row and whatever handlers added with it
            return Outcome<ResponseDto>.Conflict("This response was replaced by someone else at the same time: reload and correct the newest one.");
        }

        foreach (var handler in handlers)
        {
            handler.AfterCommit(row);
        }

        return Outcome<ResponseDto>.Ok(ToDto(row, null));
    }

    /// <summary>PostgreSQL keeps microseconds: truncate so what is returned equals what is read back.</summary>
    private static DateTimeOffset Microseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    /// <summary>Response id → the id of the response that supersedes it, for one patient.</summary>
    private async Task<Dictionary<Guid, Guid>> SupersededByAsync(Guid patientId, CancellationToken ct) =>
        await Responses.AsNoTracking()
            .Where(r => r.PatientId == patientId && r.SupersedesId != null)
            .ToDictionaryAsync(r => r.SupersedesId!.Value, r => r.Id, ct);

    private ResponseDto ToDto(InstrumentResponse row, Guid? supersededBy)
    {
        library.TryGet(row.InstrumentId, out var definition);
        var flags = (JsonSerializer.Deserialize<List<string>>(row.Flags) ?? [])
            .Select(name => new FlagDto(name, FlagDescription(definition, name), FlagDto.IsSuicideRisk(name)))
            .ToList();
        return new ResponseDto(
            row.Id,
            row.PatientId,
            row.InstrumentId,
            definition?.Title ?? row.InstrumentId,
            row.InstrumentVersion,
            row.Status,
            row.Context,
            row.AnsweredAt,
            row.RecordedAt,
            row.EnteredBy,
            row.EnteredByUserId,
            row.DosingSessionId,
            row.Total,
            row.Severity,
            flags,
            JsonSerializer.Deserialize<Dictionary<string, decimal>>(row.Subscales) ?? [],
            row.IsComplete,
            row.IsProrated,
            AnswerInput.ParseStored(row.Answers),
            JsonSerializer.Deserialize<List<string>>(row.Explanation) ?? [],
            row.SupersedesId,
            row.CorrectionReason,
            supersededBy);
    }

    private static string FlagDescription(InstrumentDefinition? definition, string name)
    {
        var rule = definition?.Flags.FirstOrDefault(flag => flag.Name == name);
        if (rule is not null)
        {
            return rule.Description;
        }

        var level = definition?.Scoring.RiskLevels.FirstOrDefault(level => level.FlagName == name);
        return level is not null ? $"Risk level {level.Name} (at least) established by the answers given." : name;
    }
}
