using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Access;
using Stillpoint.Core.Common;
using Stillpoint.Core.Eligibility;
using Stillpoint.Data.Assessment;

namespace Stillpoint.Web.Assessment;

/// <summary>Consent documents, signatures and withdrawal; the clinic's eligibility rule set.</summary>
internal sealed partial class AssessmentService
{
    public const int MaxConsentLength = 100_000;

    public static string Sha256Hex(string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    public async Task<IReadOnlyList<ConsentDocumentDto>> ListConsentDocumentsAsync(CancellationToken ct) =>
        [.. (await db.Set<ConsentDocument>().AsNoTracking().OrderByDescending(d => d.Number).ToListAsync(ct)).Select(ToDto)];

    /// <summary>A clinic admin publishes the next version of the consent document (earlier versions stay as signed).</summary>
    public async Task<Outcome<ConsentDocumentDto>> AddConsentDocumentAsync(ConsentDocumentRequest request, CancellationToken ct)
    {
        if (Refuse(Roles.ClinicAdmin) is { } refusal)
        {
            return Outcome<ConsentDocumentDto>.Forbidden(refusal + " Only a clinic admin publishes consent documents.");
        }

        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Title))
        {
            errors.Add("title", "Give the document a title.");
        }
        else if (request.Title.Trim().Length > 200)
        {
            errors.Add("title", "At most 200 characters.");
        }

        if (string.IsNullOrWhiteSpace(request.Content))
        {
            errors.Add("content", "The consent text is required.");
        }
        else if (request.Content.Length > MaxConsentLength)
        {
            errors.Add("content", $"At most {MaxConsentLength} characters.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<ConsentDocumentDto>.Invalid(errors);
        }

        var number = (await db.Set<ConsentDocument>().MaxAsync(d => (int?)d.Number, ct) ?? 0) + 1;
        var content = request.Content!.Replace("\r\n", "\n", StringComparison.Ordinal);
        var document = new ConsentDocument
        {
            Number = number,
            Title = request.Title!.Trim(),
            Content = content,
            ContentHash = Sha256Hex(content),
            CreatedBy = db.Caller.UserId,
            CreatedAt = db.Time.GetUtcNow(),
        };
        db.Add(document);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<ConsentDocumentDto>.Conflict("Another version was published at the same moment. Reload and try again.");
        }

        return Outcome<ConsentDocumentDto>.Ok(ToDto(document));
    }

    public async Task<Outcome<ConsentView>> GetConsentAsync(Guid patientId, CancellationToken ct)
    {
        if (await FindPatientAsync(patientId, ct) is not { } patient)
        {
            return Outcome<ConsentView>.NotFound($"No patient {patientId}.");
        }

        var view = await ConsentViewAsync(patientId, ct);
        await db.AuditReadAsync(nameof(ConsentSignature), null, patientId, patient.ClinicId, ct);
        return Outcome<ConsentView>.Ok(view);
    }

    /// <summary>Records a signature of one document version: by the patient in the portal, or by staff from paper.</summary>
    public async Task<Outcome<ConsentSignatureDto>> SignConsentAsync(Guid patientId, ConsentSignRequest request, CancellationToken ct)
    {
        if (Refuse(Roles.ClinicAdmin, Roles.Prescriber, Roles.Nurse, Roles.Patient) is { } refusal)
        {
            return Outcome<ConsentSignatureDto>.Forbidden(refusal + " Consent is signed by the patient or recorded by clinical staff.");
        }

        if (await FindPatientAsync(patientId, ct) is null)
        {
            return Outcome<ConsentSignatureDto>.NotFound($"No patient {patientId}.");
        }

        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.TypedName))
        {
            errors.Add("typedName", "Type the signer's full name.");
        }
        else if (request.TypedName.Trim().Length > 200)
        {
            errors.Add("typedName", "At most 200 characters.");
        }

        var document = request.DocumentId is { } id ? await db.Set<ConsentDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) : null;
        if (document is null)
        {
            errors.Add("documentId", request.DocumentId is null ? "Choose the consent document version being signed." : "No such consent document in this clinic.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<ConsentSignatureDto>.Invalid(errors);
        }

        if (request.ContentHash is { Length: > 0 } seen && !string.Equals(seen, document!.ContentHash, StringComparison.OrdinalIgnoreCase))
        {
            return Outcome<ConsentSignatureDto>.Conflict("The document's content does not match what was shown (hash differs). Reload it and sign again.");
        }

        var byPatient = db.Caller.PatientId is not null;
        var signature = new ConsentSignature
        {
            PatientId = patientId,
            DocumentId = document!.Id,
            DocumentNumber = document.Number,
            ContentHash = document.ContentHash,
            TypedName = request.TypedName!.Trim(),
            Method = byPatient ? ConsentMethod.Portal : ConsentMethod.Paper,
            RecordedBy = db.Caller.UserId,
            SignedAt = db.Time.GetUtcNow(),
        };
        db.Add(signature);
        await db.SaveChangesAsync(ct);
        return Outcome<ConsentSignatureDto>.Ok(ToDto(signature));
    }

    /// <summary>Withdraws a signature. From then on the gate refuses dosing until the patient signs again.</summary>
    public async Task<Outcome<ConsentSignatureDto>> WithdrawConsentAsync(Guid patientId, Guid signatureId, ConsentWithdrawRequest request, CancellationToken ct)
    {
        if (Refuse(Roles.ClinicAdmin, Roles.Prescriber, Roles.Nurse, Roles.Patient) is { } refusal)
        {
            return Outcome<ConsentSignatureDto>.Forbidden(refusal + " Consent is withdrawn by the patient or recorded by clinical staff.");
        }

        var signature = await db.Set<ConsentSignature>().FirstOrDefaultAsync(s => s.Id == signatureId && s.PatientId == patientId, ct);
        if (signature is null)
        {
            return Outcome<ConsentSignatureDto>.NotFound($"No consent signature {signatureId} for this patient.");
        }

        var errors = new ValidationErrors();
        if (request.Version is null)
        {
            errors.Add("version", "Send the version you saw, so a concurrent change is not overwritten.");
        }

        if (request.Reason is { Length: > 1000 })
        {
            errors.Add("reason", "At most 1000 characters.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<ConsentSignatureDto>.Invalid(errors);
        }

        if (signature.WithdrawnAt is not null)
        {
            return Outcome<ConsentSignatureDto>.Conflict("This consent was already withdrawn.");
        }

        if (signature.Version != request.Version)
        {
            return Outcome<ConsentSignatureDto>.Conflict($"This consent changed while you were viewing it (now version {signature.Version}). Reload and try again.");
        }

        db.Entry(signature).Property(s => s.Version).OriginalValue = request.Version!.Value;
        signature.WithdrawnAt = db.Time.GetUtcNow();
        signature.WithdrawnBy = db.Caller.UserId;
        signature.WithdrawalReason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ConsentSignatureDto>.Conflict("This consent changed while you were viewing it. Reload and try again.");
        }

        return Outcome<ConsentSignatureDto>.Ok(ToDto(signature));
    }

    public async Task<RuleSetDto> GetRuleSetAsync(CancellationToken ct)
    {
        var (ruleSet, label, stored) = await db.CurrentRuleSetAsync(ct);
        return ToDto(ruleSet, label, stored?.Json ?? DefaultRuleSet.Json, stored is null);
    }

    /// <summary>A clinic admin saves an edited rule set; it is validated in full and stored as the next version.</summary>
    public async Task<Outcome<RuleSetDto>> SaveRuleSetAsync(RuleSetRequest request, CancellationToken ct)
    {
        if (Refuse(Roles.ClinicAdmin) is { } refusal)
        {
            return Outcome<RuleSetDto>.Forbidden(refusal + " Only a clinic admin edits the eligibility rules.");
        }

        if (string.IsNullOrWhiteSpace(request.Json))
        {
            return Outcome<RuleSetDto>.Invalid("json", "Send the rule set as JSON text.");
        }

        if (request.Json.Length > 200_000 || request.Note is { Length: > 500 })
        {
            return Outcome<RuleSetDto>.Invalid(request.Json.Length > 200_000 ? "json" : "note", "Too long.");
        }

        EligibilityRuleSet parsed;
        try
        {
            parsed = RuleSetParser.Parse(request.Json);
        }
        catch (RuleSetException ex)
        {
            return Outcome<RuleSetDto>.Invalid("json", ex.Message);
        }

        var number = (await db.Set<EligibilityRuleSetVersion>().MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
        var stored = new EligibilityRuleSetVersion
        {
            Number = number,
            Name = parsed.Name.Length > 200 ? parsed.Name[..200] : parsed.Name,
            Json = request.Json,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            CreatedBy = db.Caller.UserId,
            CreatedAt = db.Time.GetUtcNow(),
        };
        db.Add(stored);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<RuleSetDto>.Conflict("Another rule-set version was saved at the same moment. Reload and try again.");
        }

        return Outcome<RuleSetDto>.Ok(ToDto(parsed, stored.Label, stored.Json, isDefault: false));
    }

    private async Task<ConsentView> ConsentViewAsync(Guid patientId, CancellationToken ct)
    {
        var signatures = await db.Set<ConsentSignature>().AsNoTracking().Where(s => s.PatientId == patientId).OrderByDescending(s => s.SignedAt).ToListAsync(ct);
        var current = await db.Set<ConsentDocument>().AsNoTracking().OrderByDescending(d => d.Number).FirstOrDefaultAsync(ct);
        return new ConsentView(await db.ConsentStateAsync(patientId, ct), [.. signatures.Select(ToDto)], current is null ? null : ToDto(current));
    }

    private static RuleSetDto ToDto(EligibilityRuleSet set, string label, string json, bool isDefault) => new(
        label,
        set.Name,
        isDefault,
        json,
        set.Parameters,
        [.. set.Rules.Select(r => new RuleSummary(r.Id, r.Outcome, r.Explanation, r.Source, r.Unverified))]);

    private static ConsentDocumentDto ToDto(ConsentDocument d) => new(d.Id, d.Number, d.Title, d.Content, d.ContentHash, d.CreatedAt);

    private static ConsentSignatureDto ToDto(ConsentSignature s) =>
        new(s.Id, s.DocumentId, s.DocumentNumber, s.ContentHash, s.TypedName, s.Method, s.SignedAt, s.WithdrawnAt, s.WithdrawalReason, s.Version);
}
