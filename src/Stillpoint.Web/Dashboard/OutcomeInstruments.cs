using System.Text;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Instruments.Definitions;

namespace Stillpoint.Web.Dashboard;

/// <summary>Helpers the outcome pages share.</summary>
internal static class OutcomeInstruments
{
    /// <summary>Instruments with a total (the outcome measure choices).</summary>
    public static IReadOnlyList<InstrumentDefinition> WithTotals(InstrumentLibrary library) =>
        [.. library.All.Where(definition => definition.Scoring.Method == ScoringMethod.Sum)];

    /// <summary>The filters as a query string, to carry them from one outcome page to the other.</summary>
    public static string Query(OutcomeFilterInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var query = new StringBuilder();
        foreach (var (name, value) in new[] { ("from", input.From), ("to", input.To), ("indication", input.Indication), ("route", input.Route), ("clinician", input.Clinician), ("instrument", input.Instrument) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Append(query.Length == 0 ? "" : "&").Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        return query.ToString();
    }
}
