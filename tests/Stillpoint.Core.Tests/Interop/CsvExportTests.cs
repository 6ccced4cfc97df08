using System.Globalization;
using Stillpoint.Core.Interop.Csv;
using Stillpoint.Core.Interop.Research;

namespace Stillpoint.Core.Tests.Interop;

public sealed class CsvExportTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\r", "\"cr\r\"")]
    [InlineData("", "")]
    public void Quote_FollowsRfc4180(string field, string expected)
    {
        Assert.Equal(expected, CsvTable.Quote(field));
    }

    [Fact]
    public void Table_UsesCrlfInvariantNumbersAndUtcIsoTimes_WhateverTheCurrentCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        var commaDecimals = (CultureInfo)CultureInfo.InvariantCulture.Clone(); // the machine runs globalization-invariant
        commaDecimals.NumberFormat.NumberDecimalSeparator = ",";
        CultureInfo.CurrentCulture = commaDecimals;
        try
        {
            var table = new CsvTable("a", "b", "c", "d");
            table.Add(1.5m, new DateTimeOffset(2026, 1, 2, 5, 4, 5, TimeSpan.FromHours(2)), null, "x,y");

            Assert.Equal("a,b,c,d\r\n1.5,2026-01-02T03:04:05.0000000Z,,\"x,y\"\r\n", table.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Table_RefusesARowWithTheWrongNumberOfFields()
    {
        Assert.Throws<ArgumentException>(() => new CsvTable("a", "b").Add(1));
    }

    [Fact]
    public void IdentifiedExport_IsLongForm_OneRowPerItemScoreAndMeasuredValue()
    {
        var files = TidyCsvExport.Build(InteropSamples.Set(), IdentifiedExport.Instance);

        Assert.Equal(1 + 9 + 7 + 8, Lines(files["responses.csv"]).Length); // header + every item of PHQ-9, GAD-7, BSRI
        Assert.Equal(1 + 3, Lines(files["scores.csv"]).Length);
        Assert.Equal(1 + 5 + 2, Lines(files["vitals.csv"]).Length); // 5 values then systolic + heart rate
        Assert.Contains("\"Robin, \"\"Rob\"\"\"", files["patients.csv"], StringComparison.Ordinal);
        Assert.Contains(",phq9,1.0.0,follow-up,", files["scores.csv"], StringComparison.Ordinal);
        Assert.Contains("scores.csv", files[TidyCsvExport.ReadmeFile], StringComparison.Ordinal);
    }

    [Fact]
    public void ResearchExport_HasNoNamesMrnContactsBirthDatesOrRealIds()
    {
        var identity = new ResearchIdentity(Key, new DateOnly(2026, 11, 22));
        var text = string.Concat(TidyCsvExport.Build(InteropSamples.Set(), identity).Values);

        foreach (var secret in new[] { "Robin", "O'Hara", "MRN-77", "robin@example.test", "7946", "1984-03-09", InteropSamples.PatientId.ToString(), InteropSamples.SessionId.ToString(), "01900000-" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.Contains("P-", text, StringComparison.Ordinal);
        Assert.Contains("40-49", text, StringComparison.Ordinal); // 1984 → 42 at the first record in 2026
    }

    [Fact]
    public void ResearchExport_ShiftsEveryTimeOfAPatientByTheSameWholeDays()
    {
        var identity = new ResearchIdentity(Key, new DateOnly(2026, 11, 22));
        var patient = InteropSamples.Patient();
        var shift = identity.ShiftDays(patient.Id);
        var files = TidyCsvExport.Build(InteropSamples.Set(), identity);

        Assert.InRange(Math.Abs(shift), 1, ResearchIdentity.MaxShiftDays);
        var vitalsAt = patient.Sessions[0].Vitals[1].At.AddDays(shift);
        Assert.Contains(CsvTable.Time(vitalsAt), files["vitals.csv"], StringComparison.Ordinal);
        Assert.Contains(CsvTable.Time(patient.Responses[2].AnsweredAt.AddDays(shift)), files["responses.csv"], StringComparison.Ordinal);
        Assert.Contains(CsvTable.Time(patient.Sessions[0].ScheduledFor.AddDays(shift)), files["sessions.csv"], StringComparison.Ordinal);
        Assert.DoesNotContain(CsvTable.Time(patient.Sessions[0].ScheduledFor), files["sessions.csv"], StringComparison.Ordinal);
    }

    [Fact]
    public void ResearchPseudonyms_AreStableWithinAnExport_AndUnlinkableAcrossKeys()
    {
        var patient = InteropSamples.Patient();
        var one = new ResearchIdentity(Key, default);
        var other = new ResearchIdentity([.. Key.Reverse()], default);

        Assert.Equal(one.PatientId(patient), one.PatientId(patient));
        Assert.NotEqual(one.PatientId(patient), other.PatientId(patient));
        Assert.NotEqual(one.RowId(patient.Id), one.PatientId(patient)[2..]);
    }

    [Theory]
    [InlineData("1990-06-15", "2026-06-14", "30-39")]
    [InlineData("1990-06-15", "2020-06-15", "30-39")]
    [InlineData("1990-06-15", "2020-06-14", "20-29")]
    [InlineData("1930-01-01", "2026-01-01", "90+")]
    public void AgeBand_IsTenYearsAndCollapsesFromNinety(string birth, string on, string band)
    {
        Assert.Equal(band, ResearchIdentity.AgeBand(DateOnly.Parse(birth, CultureInfo.InvariantCulture), DateOnly.Parse(on, CultureInfo.InvariantCulture)));
    }

    private static string[] Lines(string csv) => csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
}
