using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Stillpoint.Core.Connectivity;

namespace Stillpoint.Web.Connectivity;

/// <summary>The pipeline options as stored with a scan or control set (JSON), enough to recompute a figure.</summary>
internal sealed record StoredOptions(
    string Pipeline,
    double RepetitionTimeSeconds,
    double? BandLowHz,
    double? BandHighHz,
    int? FilterOrder,
    bool Detrend,
    bool Standardize,
    string Estimator,
    int[] DroppedColumns,
    int InitialVolumesRemoved,
    string[] StepsApplied)
{
    public static StoredOptions From(string pipeline, ConnectivityResult result)
    {
        var o = result.Options;
        return new StoredOptions(
            pipeline,
            o.RepetitionTimeSeconds ?? 0,
            o.BandPass?.LowHz,
            o.BandPass?.HighHz,
            o.BandPass?.Order,
            o.Detrend,
            o.Standardize,
            o.Estimator.ToString(),
            [.. o.DroppedColumns.Order()],
            o.InitialVolumesRemoved,
            [.. result.StepsApplied]);
    }

    /// <summary>
    /// What must match for two figures to be comparable (pre vs post, patient vs controls): the processing,
    /// not the TR (the band is in Hz) nor which unlabelled columns were dropped.
    /// </summary>
    public string ComparisonKey => string.Create(
        CultureInfo.InvariantCulture,
        $"{Pipeline}|{BandLowHz}|{BandHighHz}|{FilterOrder}|{Detrend}|{Standardize}|{Estimator}|{InitialVolumesRemoved}");

    /// <summary>Short words for display beside every number, e.g. "bandpass 0.01–0.1 Hz (Butterworth order 5, zero phase), detrend, z-score, Pearson; TR 2 s".</summary>
    public string Describe(string labelSetName)
    {
        var processing = Pipeline == ConnectivityService.BandPass
            ? string.Create(CultureInfo.InvariantCulture, $"bandpass {BandLowHz:0.###}–{BandHighHz:0.###} Hz (Butterworth order {FilterOrder}, zero phase), detrend, z-score")
            : "raw (series as uploaded)";
        var dropped = DroppedColumns.Length == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"; {DroppedColumns.Length} column(s) dropped");
        return string.Create(CultureInfo.InvariantCulture, $"{processing}, {Estimator} r → Fisher z; TR {RepetitionTimeSeconds:0.###} s; labels “{labelSetName}”{dropped}");
    }

    public OptionsUsed ToDto(Guid labelSetId, string labelSetName) =>
        new(Pipeline, RepetitionTimeSeconds, BandLowHz, BandHighHz, FilterOrder, Detrend, Standardize, Estimator, DroppedColumns, labelSetId, labelSetName, StepsApplied, Describe(labelSetName));
}

/// <summary>JSON and binary forms of what a scan stores.</summary>
internal static class ConnectivityStorage
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T FromJson<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)
        ?? throw new InvalidOperationException($"Stored {typeof(T).Name} is empty.");

    /// <summary>The strict upper triangle, row by row, as little-endian float64.</summary>
    public static byte[] EncodeUpper(ConnectivityMatrix matrix)
    {
        var n = matrix.Size;
        var bytes = new byte[n * (n - 1) / 2 * sizeof(double)];
        var offset = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(offset), matrix[i, j]);
                offset += sizeof(double);
            }
        }

        return bytes;
    }

    /// <summary>Rebuilds the full symmetric Fisher z matrix; the diagonal is the clipped atanh(1).</summary>
    public static ConnectivityMatrix DecodeUpper(IReadOnlyList<RegionRef> regions, byte[] upper)
    {
        var n = regions.Count;
        if (upper.Length != n * (n - 1) / 2 * sizeof(double))
        {
            throw new InvalidOperationException($"Stored matrix has {upper.Length} bytes; {n} regions need {n * (n - 1) / 2 * sizeof(double)}.");
        }

        var values = new double[n * n];
        var diagonal = FisherZ.FromCorrelation(1);
        var offset = 0;
        for (var i = 0; i < n; i++)
        {
            values[(i * n) + i] = diagonal;
            for (var j = i + 1; j < n; j++)
            {
                var z = BinaryPrimitives.ReadDoubleLittleEndian(upper.AsSpan(offset));
                values[(i * n) + j] = z;
                values[(j * n) + i] = z;
                offset += sizeof(double);
            }
        }

        return ConnectivityMatrix.FromValues(regions, values);
    }

    public static IReadOnlyList<IReadOnlyList<double>> Rows(ConnectivityMatrix matrix) =>
        [.. Enumerable.Range(0, matrix.Size).Select(i => (IReadOnlyList<double>)[.. Enumerable.Range(0, matrix.Size).Select(j => matrix[i, j])])];

    public static DmnFigures Figures(DmnSummary summary) =>
        new(
            summary.CoreMeanZ,
            summary.CorePairCount,
            summary.MissingCoreCodes,
            summary.WithinDmnMeanZ,
            summary.DmnToRestMeanZ,
            summary.WithinMinusRest,
            [.. summary.Edges.Select(e => new EdgeFigure(e.Name, e.CodeA, e.CodeB, e.FisherZ))]);

    public static DmnSummary Summary(DmnFigures figures) =>
        new(
            figures.CoreMeanZ,
            figures.CorePairCount,
            figures.MissingCoreCodes,
            figures.WithinDmnMeanZ,
            figures.DmnToRestMeanZ,
            [.. figures.Edges.Select(e => new EdgeValue(e.Name, e.CodeA, e.CodeB, e.FisherZ))]);
}
