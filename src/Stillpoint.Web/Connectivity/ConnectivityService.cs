using Microsoft.EntityFrameworkCore;
using Stillpoint.Core.Common;
using Stillpoint.Core.Connectivity;
using Stillpoint.Data;
using Stillpoint.Data.Connectivity;

namespace Stillpoint.Web.Connectivity;

/// <summary>
/// Connectivity research use cases shared by the API and the pages: label sets, control norm sets, patient
/// scans, pre/post comparison and export. Every read of a patient's connectivity data is audited.
/// </summary>
internal sealed class ConnectivityService(StillpointDbContext db)
{
    public const string Raw = "raw";
    public const string BandPass = "bandpass";
    public const int MaxNameLength = 200;

    private IQueryable<ConnectivityScan> Scans => db.Set<ConnectivityScan>();

    private IQueryable<ConnectivityLabelSet> LabelSets => db.Set<ConnectivityLabelSet>();

    private IQueryable<ControlNormSet> ControlSets => db.Set<ControlNormSet>();

    public async Task<Outcome<IReadOnlyList<LabelSetDto>>> ListLabelSetsAsync(CancellationToken ct)
    {
        var sets = await LabelSets.AsNoTracking().OrderByDescending(l => l.CreatedAt).ThenBy(l => l.Name).ToListAsync(ct);
        return Outcome<IReadOnlyList<LabelSetDto>>.Ok([.. sets.Select(ToDto)]);
    }

    public async Task<Outcome<LabelSetDto>> CreateLabelSetAsync(LabelSetUpload upload, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = CheckName(upload.Name, errors);
        RegionLabelSet? labels = null;
        if (string.IsNullOrWhiteSpace(upload.LabelsCsv))
        {
            errors.Add("labelsCsv", "Upload the region-label CSV (columns: index and/or code, region, hemisphere, dmn_role or network).");
        }
        else
        {
            var parsed = RegionLabelParser.Parse(upload.LabelsCsv);
            if (!parsed.IsSuccess)
            {
                errors.Add("labelsCsv", parsed.Problem!.ToString());
            }
            else if (parsed.Value!.Labels.Count == 0)
            {
                errors.Add("labelsCsv", "The label file has a header but no regions.");
            }
            else
            {
                labels = parsed.Value;
            }
        }

        if (errors.IsEmpty && await LabelSets.AnyAsync(l => l.Name == name, ct))
        {
            errors.Add("name", $"A label set named “{name}” already exists in this clinic.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<LabelSetDto>.Invalid(errors);
        }

        var row = new ConnectivityLabelSet
        {
            Name = name!,
            LabelsCsv = upload.LabelsCsv!,
            RegionCount = labels!.Labels.Count,
            CoreRegionCount = labels.Labels.Count(l => l.Network == RegionNetwork.DmnCore),
            CreatedByUserId = db.Caller.UserId ?? Guid.Empty,
            CreatedAt = db.Time.GetUtcNow(),
        };
        db.Add(row);
        return await SaveUniqueAsync(() => ToDto(row), "name", $"A label set named “{name}” already exists in this clinic.", ct);
    }

    public async Task<Outcome<IReadOnlyList<ControlSetDto>>> ListControlSetsAsync(CancellationToken ct)
    {
        var sets = await ControlSets.AsNoTracking().OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Name).ToListAsync(ct);
        var names = await LabelSetNamesAsync(ct);
        return Outcome<IReadOnlyList<ControlSetDto>>.Ok([.. sets.Select(s => ToDto(s, names))]);
    }

    /// <summary>Processes every control series with the same options; one bad file rejects the whole set (nothing stored).</summary>
    public async Task<Outcome<ControlSetDto>> CreateControlSetAsync(ControlSetUpload upload, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = CheckName(upload.Name, errors);
        var choice = upload.Choice;
        SeriesProcessing.CheckChoice(choice, errors);
        var files = upload.Series ?? [];
        if (files.Count < ControlReference.MinimumControls)
        {
            errors.Add("series", $"Upload at least {ControlReference.MinimumControls} control series (a norm needs a spread).");
        }

        var labelSet = await ResolveLabelSetAsync(choice.LabelSetId, errors, ct);
        if (errors.IsEmpty && await ControlSets.AnyAsync(c => c.Name == name, ct))
        {
            errors.Add("name", $"A control set named “{name}” already exists in this clinic.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<ControlSetDto>.Invalid(errors);
        }

        var labels = RegionLabelParser.Parse(labelSet!.LabelsCsv).GetValueOrThrow();
        var processed = new List<(string Source, ProcessedSeries Series)>();
        for (var i = 0; i < files.Count; i++)
        {
            var source = string.IsNullOrWhiteSpace(files[i].FileName) ? $"series {i + 1}" : files[i].FileName!.Trim();
            var (series, problem) = SeriesProcessing.Process(files[i].SeriesText, choice, labels);
            if (problem is not null)
            {
                errors.Add($"series[{i}].seriesText", $"{source}: {problem}");
            }
            else
            {
                processed.Add((source, series!));
            }
        }

        if (!errors.IsEmpty)
        {
            return Outcome<ControlSetDto>.Invalid(errors);
        }

        var reference = ControlReference.FromSummaries(name!, processed.Select(p => p.Series.Summary));
        var options = processed[0].Series.Options with { DroppedColumns = [.. processed.SelectMany(p => p.Series.Options.DroppedColumns).Distinct().Order()] };
        var row = new ControlNormSet
        {
            Name = name!,
            Pipeline = choice.Pipeline!,
            RepetitionTimeSeconds = choice.RepetitionTimeSeconds!.Value,
            OptionsJson = ConnectivityStorage.ToJson(options),
            LabelSetId = labelSet.Id,
            SubjectCount = processed.Count,
            SubjectsJson = ConnectivityStorage.ToJson(processed.Select(p => new ControlSubjectDto(p.Source, p.Series.Summary.Metrics())).ToArray()),
            NormsJson = ConnectivityStorage.ToJson(reference.Norms.Select(n => new MetricNormDto(n.Metric, n.Mean, n.StandardDeviation, n.Count)).ToArray()),
            CreatedByUserId = db.Caller.UserId ?? Guid.Empty,
            CreatedAt = db.Time.GetUtcNow(),
        };
        db.Add(row);
        var names = new Dictionary<Guid, string> { [labelSet.Id] = labelSet.Name };
        return await SaveUniqueAsync(() => ToDto(row, names), "name", $"A control set named “{name}” already exists in this clinic.", ct);
    }

    public async Task<Outcome<ScanSummaryDto>> UploadScanAsync(Guid patientId, ScanUpload upload, CancellationToken ct)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct))
        {
            return Outcome<ScanSummaryDto>.NotFound($"No patient {patientId}.");
        }

        var errors = new ValidationErrors();
        CheckTimePoint(upload, errors);
        SeriesProcessing.CheckChoice(upload.Choice, errors);
        if (upload.FileName is { Length: > 260 })
        {
            errors.Add("fileName", "At most 260 characters.");
        }

        var labelSet = await ResolveLabelSetAsync(upload.LabelSetId, errors, ct);
        if (!errors.IsEmpty)
        {
            return Outcome<ScanSummaryDto>.Invalid(errors);
        }

        var labels = RegionLabelParser.Parse(labelSet!.LabelsCsv).GetValueOrThrow();
        var (processed, problem) = SeriesProcessing.Process(upload.SeriesText, upload.Choice, labels);
        if (problem is not null)
        {
            return Outcome<ScanSummaryDto>.Invalid("seriesText", problem);
        }

        var result = processed!.Result;
        var summary = processed.Summary;
        var scan = new ConnectivityScan
        {
            PatientId = patientId,
            TimePoint = upload.TimePoint!.Value,
            SessionNumber = upload.TimePoint == ScanTimePoint.AfterSession ? upload.SessionNumber : null,
            ScannedOn = upload.ScannedOn!.Value,
            RepetitionTimeSeconds = upload.RepetitionTimeSeconds!.Value,
            Pipeline = upload.Pipeline!,
            OptionsJson = ConnectivityStorage.ToJson(processed.Options),
            LabelSetId = labelSet.Id,
            RegionsJson = ConnectivityStorage.ToJson(processed.Regions),
            FisherZUpper = ConnectivityStorage.EncodeUpper(result.FisherZ),
            RegionCount = result.FisherZ.Size,
            CoreMeanZ = summary.CoreMeanZ,
            WithinDmnMeanZ = summary.WithinDmnMeanZ,
            DmnToRestMeanZ = summary.DmnToRestMeanZ,
            SummaryJson = ConnectivityStorage.ToJson(ConnectivityStorage.Figures(summary)),
            ExcludedRegionsJson = ConnectivityStorage.ToJson(result.ExcludedRegions
                .Select(e => new ExcludedRegionInfo(e.Region.ColumnIndex, e.Region.Code, SeriesProcessing.Describe(e.Reason))).ToArray()),
            InputTimePoints = result.InputTimePoints,
            TimePointsUsed = result.TimePointsUsed,
            SourceFileName = string.IsNullOrWhiteSpace(upload.FileName) ? null : upload.FileName.Trim(),
            UploadedByUserId = db.Caller.UserId ?? Guid.Empty,
            UploadedAt = db.Time.GetUtcNow(),
        };
        db.Add(scan);
        await db.SaveChangesAsync(ct);
        return Outcome<ScanSummaryDto>.Ok(ToSummary(scan, new Dictionary<Guid, string> { [labelSet.Id] = labelSet.Name }));
    }

    public async Task<Outcome<IReadOnlyList<ScanSummaryDto>>> ListScansAsync(Guid patientId, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => new { p.Id, p.ClinicId }).FirstOrDefaultAsync(ct);
        if (patient is null)
        {
            return Outcome<IReadOnlyList<ScanSummaryDto>>.NotFound($"No patient {patientId}.");
        }

        var scans = await PatientScans(patientId).ToListAsync(ct);
        var names = await LabelSetNamesAsync(ct);
        await db.AuditReadAsync(nameof(ConnectivityScan), null, patient.Id, patient.ClinicId, ct, $"list: {scans.Count} scans");
        return Outcome<IReadOnlyList<ScanSummaryDto>>.Ok([.. scans.Select(s => ToSummary(s, names))]);
    }

    public async Task<Outcome<ScanDetailDto>> GetScanAsync(Guid patientId, Guid scanId, Guid? controlSetId, CancellationToken ct)
    {
        var scan = await Scans.AsNoTracking().FirstOrDefaultAsync(s => s.Id == scanId && s.PatientId == patientId, ct);
        if (scan is null)
        {
            return Outcome<ScanDetailDto>.NotFound($"No connectivity scan {scanId} for patient {patientId}.");
        }

        var options = ConnectivityStorage.FromJson<StoredOptions>(scan.OptionsJson);
        var controls = await ResolveControlsAsync(controlSetId, options, ct);
        if (controls.Failure is not null)
        {
            return Forward<ScanDetailDto>(controls);
        }

        var regions = ConnectivityStorage.FromJson<RegionInfo[]>(scan.RegionsJson);
        var matrix = ConnectivityStorage.DecodeUpper(RegionRefs(regions), scan.FisherZUpper);
        var figures = ConnectivityStorage.FromJson<DmnFigures>(scan.SummaryJson);
        ControlPositionDto? position = null;
        if (controls.Value is { } reference)
        {
            position = new ControlPositionDto(reference.Row.Id, reference.Row.Name, [.. reference.Reference.Position(ConnectivityStorage.Summary(figures))
                .Select(p => new MetricPositionDto(p.Metric, p.Value, p.Norm?.Mean, p.Norm?.StandardDeviation, p.Norm?.Count ?? 0, p.ZScore))]);
        }

        var names = await LabelSetNamesAsync(ct);
        await db.AuditReadAsync(nameof(ConnectivityScan), scan.Id.ToString(), scan.PatientId, scan.ClinicId, ct);
        return Outcome<ScanDetailDto>.Ok(new ScanDetailDto(
            ToSummary(scan, names),
            regions,
            ConnectivityStorage.Rows(matrix),
            figures,
            ConnectivityStorage.FromJson<ExcludedRegionInfo[]>(scan.ExcludedRegionsJson),
            scan.InputTimePoints,
            scan.TimePointsUsed,
            position));
    }

    /// <summary>
    /// Pre vs post for a patient: by default the latest baseline scan against the latest later (non-baseline)
    /// scan. Both, and the control set if named, must have been processed the same way.
    /// </summary>
    public async Task<Outcome<ScanComparisonDto>> CompareAsync(Guid patientId, Guid? preScanId, Guid? postScanId, Guid? controlSetId, CancellationToken ct)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct))
        {
            return Outcome<ScanComparisonDto>.NotFound($"No patient {patientId}.");
        }

        var scans = await PatientScans(patientId).ToListAsync(ct);
        var pre = preScanId is { } preId ? scans.Find(s => s.Id == preId) : scans.LastOrDefault(s => s.TimePoint == ScanTimePoint.Baseline);
        var post = postScanId is { } postId ? scans.Find(s => s.Id == postId) : scans.LastOrDefault(s => s.TimePoint != ScanTimePoint.Baseline && s != pre);
        if ((preScanId is not null && pre is null) || (postScanId is not null && post is null))
        {
            return Outcome<ScanComparisonDto>.NotFound("No such connectivity scan for this patient.");
        }

        var errors = new ValidationErrors();
        if (pre is null)
        {
            errors.Add("preScanId", "The patient has no baseline scan: upload one or name the earlier scan.");
        }

        if (post is null)
        {
            errors.Add("postScanId", "The patient has no scan after baseline: upload one or name the later scan.");
        }
        else if (pre is not null && pre.Id == post.Id)
        {
            errors.Add("postScanId", "Choose two different scans.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<ScanComparisonDto>.Invalid(errors);
        }

        var preOptions = ConnectivityStorage.FromJson<StoredOptions>(pre!.OptionsJson);
        var postOptions = ConnectivityStorage.FromJson<StoredOptions>(post!.OptionsJson);
        var names = await LabelSetNamesAsync(ct);
        if (preOptions.ComparisonKey != postOptions.ComparisonKey)
        {
            return Outcome<ScanComparisonDto>.Invalid("postScanId",
                $"The scans were processed differently ({preOptions.Describe(names[pre.LabelSetId])} vs {postOptions.Describe(names[post.LabelSetId])}); their figures cannot be compared.");
        }

        var controls = await ResolveControlsAsync(controlSetId, preOptions, ct);
        if (controls.Failure is not null)
        {
            return Forward<ScanComparisonDto>(controls);
        }

        var preFigures = ConnectivityStorage.Summary(ConnectivityStorage.FromJson<DmnFigures>(pre.SummaryJson));
        var postFigures = ConnectivityStorage.Summary(ConnectivityStorage.FromJson<DmnFigures>(post.SummaryJson));
        var changes = PrePostComparison.Compare(preFigures, postFigures, controls.Value?.Reference).Select(ToDto).ToArray();
        var postRegions = ConnectivityStorage.FromJson<RegionInfo[]>(post.RegionsJson);
        var preMatrix = ConnectivityStorage.DecodeUpper(RegionRefs(ConnectivityStorage.FromJson<RegionInfo[]>(pre.RegionsJson)), pre.FisherZUpper);
        var postMatrix = ConnectivityStorage.DecodeUpper(RegionRefs(postRegions), post.FisherZUpper);
        var difference = ConnectivityMatrix.Difference(postMatrix, preMatrix);
        var common = difference.Regions.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);

        db.RecordRead(nameof(ConnectivityScan), pre.Id.ToString(), patientId, pre.ClinicId, "comparison: pre");
        db.RecordRead(nameof(ConnectivityScan), post.Id.ToString(), patientId, post.ClinicId, "comparison: post");
        await db.SaveChangesAsync(ct);
        return Outcome<ScanComparisonDto>.Ok(new ScanComparisonDto(
            ToSummary(pre, names),
            ToSummary(post, names),
            controls.Value?.Row.Id,
            controls.Value?.Row.Name,
            Array.Find(changes, c => c.Metric == DmnSummary.CoreMeanMetric),
            changes,
            [.. postRegions.Where(r => common.Contains(r.Code))],
            ConnectivityStorage.Rows(difference)));
    }

    /// <summary>Every stored figure of one patient's scans as CSV (pseudonymous: ids, no names or MRNs).</summary>
    public async Task<Outcome<string>> ExportPatientAsync(Guid patientId, Guid? controlSetId, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => new { p.Id, p.ClinicId }).FirstOrDefaultAsync(ct);
        if (patient is null)
        {
            return Outcome<string>.NotFound($"No patient {patientId}.");
        }

        return await ExportAsync(PatientScans(patientId), controlSetId, ct);
    }

    /// <summary>Every stored figure of every scan in the clinic as CSV; one audited read per patient.</summary>
    public Task<Outcome<string>> ExportClinicAsync(Guid? controlSetId, CancellationToken ct) =>
        ExportAsync(Scans.AsNoTracking().OrderBy(s => s.PatientId).ThenBy(s => s.ScannedOn).ThenBy(s => s.UploadedAt), controlSetId, ct);

    private async Task<Outcome<string>> ExportAsync(IQueryable<ConnectivityScan> query, Guid? controlSetId, CancellationToken ct)
    {
        var control = controlSetId is null ? null : await ControlSets.AsNoTracking().FirstOrDefaultAsync(c => c.Id == controlSetId, ct);
        if (controlSetId is not null && control is null)
        {
            return Outcome<string>.NotFound($"No control set {controlSetId}.");
        }

        var scans = await query.ToListAsync(ct);
        var names = await LabelSetNamesAsync(ct);
        var csv = ConnectivityExport.Write(scans, names, control);
        foreach (var group in scans.GroupBy(s => (s.PatientId, s.ClinicId)))
        {
            db.RecordRead(nameof(ConnectivityScan), null, group.Key.PatientId, group.Key.ClinicId, $"export: {group.Count()} scans");
        }

        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(csv);
    }

    private IQueryable<ConnectivityScan> PatientScans(Guid patientId) =>
        Scans.AsNoTracking().Where(s => s.PatientId == patientId).OrderBy(s => s.ScannedOn).ThenBy(s => s.UploadedAt);

    private async Task<(ControlNormSet Row, ControlReference Reference)?> LoadControlsAsync(Guid id, CancellationToken ct)
    {
        var row = await ControlSets.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (row is null)
        {
            return null;
        }

        var norms = ConnectivityStorage.FromJson<MetricNormDto[]>(row.NormsJson);
        return (row, new ControlReference(row.Name, [.. norms.Select(n => new MetricNorm(n.Metric, n.Mean, n.StandardDeviation, n.Count))]));
    }

    private async Task<Outcome<(ControlNormSet Row, ControlReference Reference)?>> ResolveControlsAsync(Guid? controlSetId, StoredOptions scanOptions, CancellationToken ct)
    {
        if (controlSetId is not { } id)
        {
            return Outcome<(ControlNormSet, ControlReference)?>.Ok(null);
        }

        var loaded = await LoadControlsAsync(id, ct);
        if (loaded is not { } controls)
        {
            return Outcome<(ControlNormSet, ControlReference)?>.NotFound($"No control set {id}.");
        }

        var controlOptions = ConnectivityStorage.FromJson<StoredOptions>(controls.Row.OptionsJson);
        return controlOptions.ComparisonKey == scanOptions.ComparisonKey
            ? Outcome<(ControlNormSet, ControlReference)?>.Ok(controls)
            : Outcome<(ControlNormSet, ControlReference)?>.Invalid("controlSetId",
                $"Control set “{controls.Row.Name}” was processed as {controlOptions.Describe("its labels")}, the scan as {scanOptions.Describe("its labels")}: z-scores would be meaningless.");
    }

    private async Task<ConnectivityLabelSet?> ResolveLabelSetAsync(Guid? labelSetId, ValidationErrors errors, CancellationToken ct)
    {
        var set = labelSetId is { } id
            ? await LabelSets.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct)
            : await LabelSets.AsNoTracking().OrderByDescending(l => l.CreatedAt).FirstOrDefaultAsync(ct);
        if (set is null)
        {
            errors.Add("labelSetId", labelSetId is null
                ? "The clinic has no region-label set yet: upload one (Connectivity → label sets) first."
                : $"No label set {labelSetId} in this clinic.");
        }

        return set;
    }

    private async Task<Dictionary<Guid, string>> LabelSetNamesAsync(CancellationToken ct) =>
        await LabelSets.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, ct);

    private async Task<Outcome<T>> SaveUniqueAsync<T>(Func<T> result, string field, string message, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Lost a race for the same name: the unique index refused the row and nothing was written.
            return Outcome<T>.Invalid(field, message);
        }

        return Outcome<T>.Ok(result());
    }

    private static string? CheckName(string? name, ValidationErrors errors)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add("name", "A name is required.");
        }
        else if (trimmed.Length > MaxNameLength)
        {
            errors.Add("name", $"At most {MaxNameLength} characters.");
        }

        return trimmed;
    }

    private void CheckTimePoint(ScanUpload upload, ValidationErrors errors)
    {
        if (upload.TimePoint is null)
        {
            errors.Add("timePoint", "Choose the time point: baseline, afterSession or afterCourse.");
        }
        else if (upload.TimePoint == ScanTimePoint.AfterSession && upload.SessionNumber is not (>= 1 and <= 1000))
        {
            errors.Add("sessionNumber", "Give the session number (1 or more) the scan followed.");
        }

        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        if (upload.ScannedOn is not { } on)
        {
            errors.Add("scannedOn", "The scan date is required (YYYY-MM-DD).");
        }
        else if (on > today)
        {
            errors.Add("scannedOn", "The scan date cannot be in the future.");
        }
        else if (on.Year < 1990)
        {
            errors.Add("scannedOn", "The scan date is too early to be right.");
        }
    }

    private static Outcome<T> Forward<T>(Outcome<(ControlNormSet Row, ControlReference Reference)?> failed) => failed.Failure switch
    {
        FailureKind.NotFound => Outcome<T>.NotFound(failed.Message!),
        _ => Outcome<T>.Invalid(failed.Errors!),
    };

    private static RegionRef[] RegionRefs(IEnumerable<RegionInfo> regions) => [.. regions.Select(r => new RegionRef(r.ColumnIndex, r.Code))];

    private static MetricChangeDto ToDto(MetricChange change) =>
        new(change.Metric, change.Pre, change.Post, change.Change, change.PreZ, change.PostZ, change.TowardControls, change.TowardControls switch
        {
            null => null,
            > 0 => "toward controls",
            < 0 => "away from controls",
            _ => "no change",
        });

    private static LabelSetDto ToDto(ConnectivityLabelSet set) => new(set.Id, set.Name, set.RegionCount, set.CoreRegionCount, set.CreatedAt);

    private static ControlSetDto ToDto(ControlNormSet set, IReadOnlyDictionary<Guid, string> labelSetNames) =>
        new(
            set.Id,
            set.Name,
            set.SubjectCount,
            ConnectivityStorage.FromJson<StoredOptions>(set.OptionsJson).ToDto(set.LabelSetId, labelSetNames.GetValueOrDefault(set.LabelSetId, "?")),
            ConnectivityStorage.FromJson<MetricNormDto[]>(set.NormsJson),
            set.CreatedAt);

    internal static ScanSummaryDto ToSummary(ConnectivityScan scan, IReadOnlyDictionary<Guid, string> labelSetNames) =>
        new(
            scan.Id,
            scan.PatientId,
            scan.TimePoint,
            scan.SessionNumber,
            TimePointLabel(scan.TimePoint, scan.SessionNumber),
            scan.ScannedOn,
            scan.CoreMeanZ,
            scan.WithinDmnMeanZ,
            scan.DmnToRestMeanZ,
            scan.RegionCount,
            ConnectivityStorage.FromJson<ExcludedRegionInfo[]>(scan.ExcludedRegionsJson).Length,
            scan.SourceFileName,
            ConnectivityStorage.FromJson<StoredOptions>(scan.OptionsJson).ToDto(scan.LabelSetId, labelSetNames.GetValueOrDefault(scan.LabelSetId, "?")),
            scan.UploadedAt);

    public static string TimePointLabel(ScanTimePoint timePoint, int? session) => timePoint switch
    {
        ScanTimePoint.Baseline => "Baseline",
        ScanTimePoint.AfterSession => $"After session {session}",
        ScanTimePoint.AfterCourse => "After course",
        _ => throw new ArgumentOutOfRangeException(nameof(timePoint), timePoint, null),
    };
}
