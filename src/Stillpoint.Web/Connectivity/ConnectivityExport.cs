using System.Globalization;
using System.Text;
using Stillpoint.Core.Connectivity;
using Stillpoint.Data.Connectivity;

namespace Stillpoint.Web.Connectivity;

/// <summary>
/// The research export: one CSV row per figure per scan (long format), each with the options it was
/// computed with and, when a control set is named, its position against the controls. Pseudonymous:
/// patient ids only, no names or MRNs. Values are invariant culture, round-trip precision.
/// </summary>
internal static class ConnectivityExport
{
    public static readonly string[] Header =
    [
        "patient_id", "scan_id", "time_point", "session_number", "scanned_on", "pipeline", "tr_s", "band_low_hz", "band_high_hz",
        "filter_order", "estimator", "dropped_columns", "label_set", "metric", "value", "control_set", "control_mean", "control_sd", "control_n", "control_z",
    ];

    public static string Write(IEnumerable<ConnectivityScan> scans, IReadOnlyDictionary<Guid, string> labelSetNames, ControlNormSet? controls)
    {
        var norms = controls is null
            ? new Dictionary<string, MetricNormDto>(StringComparer.Ordinal)
            : ConnectivityStorage.FromJson<MetricNormDto[]>(controls.NormsJson).ToDictionary(n => n.Metric, StringComparer.Ordinal);
        var text = new StringBuilder().AppendJoin(',', Header).Append('\n');
        foreach (var scan in scans)
        {
            var options = ConnectivityStorage.FromJson<StoredOptions>(scan.OptionsJson);
            var comparable = controls is not null && ConnectivityStorage.FromJson<StoredOptions>(controls.OptionsJson).ComparisonKey == options.ComparisonKey;
            var summary = ConnectivityStorage.Summary(ConnectivityStorage.FromJson<DmnFigures>(scan.SummaryJson));
            foreach (var (metric, value) in summary.Metrics())
            {
                var norm = comparable ? norms.GetValueOrDefault(metric) : null;
                string[] fields =
                [
                    scan.PatientId.ToString(), scan.Id.ToString(), scan.TimePoint.ToString(), Number(scan.SessionNumber),
                    scan.ScannedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), options.Pipeline, Number(options.RepetitionTimeSeconds),
                    Number(options.BandLowHz), Number(options.BandHighHz), Number(options.FilterOrder), options.Estimator,
                    string.Join(' ', options.DroppedColumns.Select(c => c.ToString(CultureInfo.InvariantCulture))),
                    labelSetNames.GetValueOrDefault(scan.LabelSetId, ""), metric, Number(value),
                    comparable ? controls!.Name : "", Number(norm?.Mean), Number(norm?.StandardDeviation), Number(norm?.Count),
                    Number(norm is { StandardDeviation: > 0 } n ? (value - n.Mean) / n.StandardDeviation : null),
                ];
                text.AppendJoin(',', fields.Select(Quote)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>RFC 4180 quoting, and a leading quote mark against spreadsheet formula injection.</summary>
    private static string Quote(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' && !double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            field = "'" + field;
        }

        return field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }
}
