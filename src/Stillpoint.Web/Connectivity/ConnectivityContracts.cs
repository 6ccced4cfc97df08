using Stillpoint.Data.Connectivity;

namespace Stillpoint.Web.Connectivity;

/// <summary>A clinic region-label file (CSV as the label parser reads it), uploaded once per atlas.</summary>
public sealed record LabelSetUpload(string? Name, string? LabelsCsv);

public sealed record LabelSetDto(Guid Id, string Name, int RegionCount, int CoreRegionCount, DateTimeOffset CreatedAt);

/// <summary>
/// How to process a series: <c>raw</c> = Pearson on the series as given; <c>bandpass</c> = detrend →
/// Butterworth band-pass (default 0.01–0.1 Hz, order 5, zero phase) → z-score → Pearson.
/// </summary>
public sealed record PipelineChoice(string? Pipeline, double? RepetitionTimeSeconds, double? BandLowHz = null, double? BandHighHz = null, IReadOnlyList<int>? DropColumns = null, Guid? LabelSetId = null);

/// <summary>One scan's region time series (time points × regions as text) for a patient.</summary>
public sealed record ScanUpload(
    ScanTimePoint? TimePoint,
    int? SessionNumber,
    DateOnly? ScannedOn,
    double? RepetitionTimeSeconds,
    string? Pipeline,
    double? BandLowHz,
    double? BandHighHz,
    IReadOnlyList<int>? DropColumns,
    Guid? LabelSetId,
    string? FileName,
    string? SeriesText)
{
    public PipelineChoice Choice => new(Pipeline, RepetitionTimeSeconds, BandLowHz, BandHighHz, DropColumns, LabelSetId);
}

public sealed record ControlSeriesFile(string? FileName, string? SeriesText);

/// <summary>Healthy-control series, all processed with the same options, to build a named norm set.</summary>
public sealed record ControlSetUpload(
    string? Name,
    double? RepetitionTimeSeconds,
    string? Pipeline,
    double? BandLowHz,
    double? BandHighHz,
    IReadOnlyList<int>? DropColumns,
    Guid? LabelSetId,
    IReadOnlyList<ControlSeriesFile>? Series)
{
    public PipelineChoice Choice => new(Pipeline, RepetitionTimeSeconds, BandLowHz, BandHighHz, DropColumns, LabelSetId);
}

/// <summary>Every option a figure was computed with, and the same in words for display beside the number.</summary>
public sealed record OptionsUsed(
    string Pipeline,
    double RepetitionTimeSeconds,
    double? BandLowHz,
    double? BandHighHz,
    int? FilterOrder,
    bool Detrend,
    bool Standardize,
    string Estimator,
    IReadOnlyList<int> DroppedColumns,
    Guid LabelSetId,
    string LabelSetName,
    IReadOnlyList<string> StepsApplied,
    string Description);

public sealed record EdgeFigure(string Name, string CodeA, string CodeB, double? FisherZ);

/// <summary>The DMN figures of one scan, all Fisher z. No sign is assumed good.</summary>
public sealed record DmnFigures(
    double? CoreMeanZ,
    int CorePairCount,
    IReadOnlyList<string> MissingCoreCodes,
    double? WithinDmnMeanZ,
    double? DmnToRestMeanZ,
    double? WithinMinusRestZ,
    IReadOnlyList<EdgeFigure> Edges);

public sealed record RegionInfo(int ColumnIndex, string Code, string Name, string Hemisphere, string Network);

public sealed record ExcludedRegionInfo(int ColumnIndex, string Code, string Reason);

public sealed record ScanSummaryDto(
    Guid Id,
    Guid PatientId,
    ScanTimePoint TimePoint,
    int? SessionNumber,
    string TimePointLabel,
    DateOnly ScannedOn,
    double? CoreMeanZ,
    double? WithinDmnMeanZ,
    double? DmnToRestMeanZ,
    int RegionCount,
    int ExcludedRegionCount,
    string? FileName,
    OptionsUsed Options,
    DateTimeOffset UploadedAt);

public sealed record MetricPositionDto(string Metric, double Value, double? ControlMean, double? ControlSd, int ControlCount, double? ZScore);

public sealed record ControlPositionDto(Guid ControlSetId, string ControlSetName, IReadOnlyList<MetricPositionDto> Metrics);

/// <summary>One scan in full: the Fisher z matrix (rows and columns in <see cref="Regions"/> order) and its DMN figures.</summary>
public sealed record ScanDetailDto(
    ScanSummaryDto Scan,
    IReadOnlyList<RegionInfo> Regions,
    IReadOnlyList<IReadOnlyList<double>> FisherZ,
    DmnFigures Dmn,
    IReadOnlyList<ExcludedRegionInfo> ExcludedRegions,
    int InputTimePoints,
    int TimePointsUsed,
    ControlPositionDto? Controls);

public sealed record MetricNormDto(string Metric, double Mean, double StandardDeviation, int Count);

public sealed record ControlSubjectDto(string Source, IReadOnlyDictionary<string, double> Metrics);

public sealed record ControlSetDto(Guid Id, string Name, int SubjectCount, OptionsUsed Options, IReadOnlyList<MetricNormDto> Norms, DateTimeOffset CreatedAt);

/// <summary>
/// One metric before and after. With controls: z against the control mean/SD at each time, and
/// towardControls = |z_pre| − |z_post| (positive = moved toward the control mean, from either side).
/// </summary>
public sealed record MetricChangeDto(string Metric, double Pre, double Post, double Change, double? PreZ, double? PostZ, double? TowardControls, string? Direction);

public sealed record ScanComparisonDto(
    ScanSummaryDto Pre,
    ScanSummaryDto Post,
    Guid? ControlSetId,
    string? ControlSetName,
    MetricChangeDto? CoreMean,
    IReadOnlyList<MetricChangeDto> Metrics,
    IReadOnlyList<RegionInfo> Regions,
    IReadOnlyList<IReadOnlyList<double>> EdgeChange);
