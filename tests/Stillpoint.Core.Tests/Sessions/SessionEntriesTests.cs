using Stillpoint.Core.Sessions;

namespace Stillpoint.Core.Tests.Sessions;

public sealed class SessionEntriesTests
{
    private static readonly Guid Nurse = Guid.CreateVersion7();
    private static readonly Guid Witness = Guid.CreateVersion7();
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static AdministrationInput Valid() => new("ketamine", AdministrationRoute.Intravenous, 35m, "LOT-1", Today.AddMonths(6), Start, Start.AddMinutes(40), Witness);

    [Fact]
    public void ValidAdministration_HasNoErrors() => Assert.True(Valid().Validate(Nurse, Today).IsEmpty);

    [Theory]
    [InlineData("dose-zero", "doseMg")]
    [InlineData("dose-huge", "doseMg")] // §12.3: reported oral doses up to 300 mg fixed
    [InlineData("dose-precision", "doseMg")]
    [InlineData("expired", "lotExpiry")]
    [InlineData("no-witness", "witnessId")] // issue 5 §3: witness for a controlled substance
    [InlineData("self-witness", "witnessId")]
    [InlineData("end-before-start", "endedAt")]
    [InlineData("no-lot", "lotNumber")]
    [InlineData("no-route", "route")]
    public void InvalidAdministration(string change, string field)
    {
        var input = change switch
        {
            "dose-zero" => Valid() with { DoseMg = 0m },
            "dose-huge" => Valid() with { DoseMg = 300.01m },
            "dose-precision" => Valid() with { DoseMg = 35.125m },
            "expired" => Valid() with { LotExpiry = Today.AddDays(-1) },
            "no-witness" => Valid() with { WitnessId = null },
            "self-witness" => Valid() with { WitnessId = Nurse },
            "end-before-start" => Valid() with { EndedAt = Start.AddMinutes(-1) },
            "no-lot" => Valid() with { LotNumber = " " },
            "no-route" => Valid() with { Route = null },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
        Assert.Contains(field, input.Validate(Nurse, Today).ToDictionary().Keys);
    }

    [Theory]
    [InlineData(5, null, true)]
    [InlineData(0, null, true)]  // §11 range 0–5
    [InlineData(6, null, false)]
    [InlineData(-1, null, false)]
    [InlineData(null, 24, true)] // §14.6 CADSS-6 0–24
    [InlineData(null, 25, false)]
    [InlineData(null, null, false)]
    public void Ratings_Ranges(int? moaas, int? cadss6, bool valid) =>
        Assert.Equal(valid, Ratings.Validate(moaas, cadss6).IsEmpty);

    [Theory]
    [InlineData(null, null, 80, 97, 14, true)]
    [InlineData(120, 80, null, null, null, true)]
    [InlineData(120, null, null, null, null, false)] // BP needs both values
    [InlineData(80, 120, null, null, null, false)]   // diastolic must be lower
    [InlineData(null, null, null, null, null, false)]
    [InlineData(301, 80, null, null, null, false)]   // plausibility, not a clinical threshold
    [InlineData(null, null, null, 101, null, false)]
    public void Vitals_Validation(int? sys, int? dia, int? hr, int? spo2, int? rr, bool valid) =>
        Assert.Equal(valid, new VitalSigns(Start, sys, dia, hr, spo2, rr).Validate().IsEmpty);
}
