using System.Globalization;
using Stillpoint.Core.Common;
using Stillpoint.Core.Eligibility;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Plans;
using Route = Stillpoint.Core.Plans.Route;

namespace Stillpoint.Web.Dashboard;

/// <summary>How durability curves are split.</summary>
public enum DurabilityGrouping
{
    None,
    Route,
    Indication,
    InductionSessions,
}

/// <summary>
/// The dashboard and durability filters, checked. Dates are UTC calendar days, both ends included.
/// <see cref="From"/>/<see cref="To"/> select sessions and safety events by when they happened, and outcome patients by
/// when their treatment started (plan activation); outcome measures are read up to <see cref="To"/>.
/// </summary>
public sealed record OutcomeFilter(
    DateOnly? From,
    DateOnly To,
    Indication? Indication,
    Route? Route,
    Guid? ClinicianId,
    string InstrumentId,
    DurabilityGrouping GroupBy)
{
    public const string DefaultInstrument = "phq9";

    public DateTimeOffset FromUtc => From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.MinValue;

    /// <summary>The first instant after the range.</summary>
    public DateTimeOffset EndUtc => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

/// <summary>The filters as they arrive (query string or GET form): text, parsed by <see cref="Parse"/>.</summary>
public sealed record OutcomeFilterInput(
    string? From = null,
    string? To = null,
    string? Indication = null,
    string? Route = null,
    string? Clinician = null,
    string? Instrument = null,
    string? GroupBy = null)
{
    /// <summary>The filter, or field errors keyed by the query parameter name; an empty value means "any".</summary>
    public Outcome<OutcomeFilter> Parse(DateOnly today, InstrumentLibrary instruments)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        var errors = new ValidationErrors();
        var from = Date(From, "from", errors);
        var to = Date(To, "to", errors) ?? today;
        if (from > to)
        {
            errors.Add("from", "The start of the range must not be after its end.");
        }

        var indication = Choice<Indication>(Indication, "indication", errors);
        var route = Choice<Route>(Route, "route", errors);
        var groupBy = Choice<DurabilityGrouping>(GroupBy, "groupBy", errors) ?? DurabilityGrouping.None;
        Guid? clinician = null;
        if (!string.IsNullOrWhiteSpace(Clinician))
        {
            if (Guid.TryParse(Clinician, out var id))
            {
                clinician = id;
            }
            else
            {
                errors.Add("clinician", "Choose a clinician from the list (an account id).");
            }
        }

        var instrument = string.IsNullOrWhiteSpace(Instrument) ? OutcomeFilter.DefaultInstrument : Instrument.Trim();
        if (!instruments.TryGet(instrument, out var definition) || definition.Scoring.Method != Core.Instruments.Definitions.ScoringMethod.Sum)
        {
            errors.Add("instrument", $"Unknown instrument '{instrument}', or it has no total.");
        }

        return errors.IsEmpty
            ? Outcome<OutcomeFilter>.Ok(new OutcomeFilter(from, to, indication, route, clinician, instrument, groupBy))
            : Outcome<OutcomeFilter>.Invalid(errors);
    }

    private static DateOnly? Date(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, "Give a date as yyyy-mm-dd.");
        return null;
    }

    private static T? Choice<T>(string? text, string field, ValidationErrors errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value))
        {
            return value;
        }

        errors.Add(field, $"Unknown value '{text.Trim()}'. One of: {string.Join(", ", Enum.GetNames<T>())}.");
        return null;
    }
}
