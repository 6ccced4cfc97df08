using System.Globalization;

namespace Stillpoint.Web.Charts;

/// <summary>Instants as chart x values: days since 1970-01-01 UTC (fractional), so a time axis is linear in days.</summary>
public static class ChartTime
{
    private const double MillisecondsPerDay = 86_400_000;

    public static double ToX(DateTimeOffset at) => at.ToUnixTimeMilliseconds() / MillisecondsPerDay;

    public static double ToX(DateOnly date) => date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static DateOnly ToDate(double x) => DateOnly.FromDateTime(DateTime.UnixEpoch).AddDays((int)Math.Floor(x));

    /// <summary>"3 Nov 2026" (invariant culture), the form used in tick labels and generated titles.</summary>
    public static string Format(double x) => ToDate(x).ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}

/// <summary>A linear map from a data domain onto a pixel range (the range may run backwards, as y does).</summary>
public sealed record LinearScale(double DomainMin, double DomainMax, double RangeStart, double RangeEnd)
{
    public double Map(double value) =>
        RangeStart + ((value - DomainMin) / (DomainMax - DomainMin) * (RangeEnd - RangeStart));

    public bool Contains(double value) => value >= DomainMin && value <= DomainMax;

    public double Clamp(double value) => Math.Clamp(value, DomainMin, DomainMax);
}

/// <summary>Axis domains and ticks: "nice" numbers for linear axes, calendar steps for time axes.</summary>
public static class ChartTicks
{
    private const int TargetTicks = 6;

    /// <summary>
    /// The axis domain and ticks for data spanning [<paramref name="dataMin"/>, <paramref name="dataMax"/>] that must show at
    /// least [<paramref name="min"/>, <paramref name="max"/>]. An end set by the caller stays exact unless data passes it;
    /// an open end is rounded out to a tick. A zero-width span is widened so a single value sits inside the axis.
    /// </summary>
    public static (double Min, double Max, IReadOnlyList<double> Ticks) Linear(double? dataMin, double? dataMax, double? min, double? max)
    {
        var low = Lowest(dataMin, min) ?? 0;
        var high = Highest(dataMax, max) ?? 1;
        if (high - low < 1e-9)
        {
            var pad = Math.Abs(low) < 1e-9 ? 1 : Math.Abs(low) * 0.1;
            (low, high) = (low - (min is null ? pad : 0), high + pad);
        }

        var step = NiceStep((high - low) / (TargetTicks - 1));
        var (axisMin, axisMax) = Bounds(low, high, min, max, step);
        if ((axisMax - axisMin) / step < 3.5)
        {
            step = SmallerNiceStep(step); // e.g. 0–27 gets ticks every 5, not only 0, 10, 20
            (axisMin, axisMax) = Bounds(low, high, min, max, step);
        }

        return (axisMin, axisMax, StepsWithin(Math.Ceiling((axisMin / step) - 1e-9) * step, axisMax, step));
    }

    private static (double Min, double Max) Bounds(double low, double high, double? min, double? max, double step) =>
        (min is { } fixedMin && fixedMin <= low ? fixedMin : Math.Floor(low / step) * step,
         max is { } fixedMax && fixedMax >= high ? fixedMax : Math.Ceiling(high / step) * step);

    /// <summary>1, 2, 2.5 or 5 times a power of ten, the smallest at least <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / magnitude;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /// <summary>The nice step just below <paramref name="step"/> (10 → 5 → 2.5 → 2 → 1 → 0.5 …).</summary>
    public static double SmallerNiceStep(double step)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(step) + 1e-9));
        var fraction = Math.Round(step / magnitude, 6);
        return fraction switch
        {
            <= 1 => magnitude / 2,
            <= 2 => magnitude,
            <= 2.5 => 2 * magnitude,
            _ => 2.5 * magnitude,
        };
    }

    /// <summary>
    /// A time domain padded so points do not sit on the frame, and date ticks: every 1, 2, 7 or 14 days, or on the
    /// first of every 1, 2, 3, 6 or 12 months, whichever gives at most <see cref="TargetTicks"/> + 1 ticks.
    /// </summary>
    public static (double Min, double Max, IReadOnlyList<double> Ticks) Time(double? dataMin, double? dataMax, double? min, double? max)
    {
        var low = Lowest(dataMin, min) ?? ChartTime.ToX(new DateOnly(2000, 1, 1));
        var high = Highest(dataMax, max) ?? low + 7;
        var pad = Math.Max(1, (high - low) * 0.04);
        (low, high) = (min is { } m && m <= low ? m : low - pad, max is { } n && n >= high ? n : high + pad);
        foreach (var days in (int[])[1, 2, 7, 14])
        {
            var ticks = StepsWithin(Math.Ceiling(low / days) * days, high, days);
            if (ticks.Count <= TargetTicks + 1)
            {
                return (low, high, ticks);
            }
        }

        foreach (var months in (int[])[1, 2, 3, 6, 12, 24, 60])
        {
            var ticks = MonthTicks(low, high, months);
            if (ticks.Count <= TargetTicks + 1)
            {
                return (low, high, ticks);
            }
        }

        return (low, high, [low, high]);
    }

    /// <summary>Tick values from <paramref name="start"/> to <paramref name="end"/>, rounded so 0.1 + 0.2 prints as 0.3.</summary>
    private static List<double> StepsWithin(double start, double end, double step)
    {
        var ticks = new List<double>();
        var count = (int)Math.Floor(((end - start) / step) + 1e-9);
        for (var i = 0; i <= count; i++)
        {
            ticks.Add(Math.Round(start + (i * step), 10));
        }

        return ticks;
    }

    private static List<double> MonthTicks(double low, double high, int months)
    {
        var first = ChartTime.ToDate(low);
        var date = new DateOnly(first.Year, 1, 1);
        var ticks = new List<double>();
        for (; ChartTime.ToX(date) <= high; date = date.AddMonths(months))
        {
            if (ChartTime.ToX(date) >= low)
            {
                ticks.Add(ChartTime.ToX(date));
            }
        }

        return ticks;
    }

    private static double? Lowest(double? a, double? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static double? Highest(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    /// <summary>A tick or value label in the invariant culture.</summary>
    public static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
