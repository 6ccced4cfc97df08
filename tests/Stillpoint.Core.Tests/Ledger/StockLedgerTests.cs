using Stillpoint.Core.Common;
using Stillpoint.Core.Ledger;

namespace Stillpoint.Core.Tests.Ledger;

public sealed class StockLedgerTests
{
    private static readonly Guid Nurse = Guid.CreateVersion7();
    private static readonly Guid Witness = Guid.CreateVersion7();
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static LedgerMovement Receive(decimal mg) => new(LedgerEntryKind.Received, "L1", mg, Today.AddYears(1), 50m);

    private static LedgerMovement Dispense(decimal mg) => new(LedgerEntryKind.Dispensed, "L1", mg, SessionId: Guid.CreateVersion7());

    private static LedgerMovement Waste(decimal mg) => new(LedgerEntryKind.Wasted, "L1", mg, WitnessId: Witness);

    private static LedgerMovement Adjust(decimal mg) => new(LedgerEntryKind.Adjusted, "L1", mg, Reason: "count correction");

    public static TheoryData<decimal, LedgerMovement, decimal?> ArithmeticCases => new()
    {
        // Issue 5 §9: running balance per lot to the milligram (decimal, no float error).
        { 0m, Receive(500m), 500m },
        { 500m, Dispense(35.5m), 464.5m },
        { 464.5m, Waste(0.5m), 464m },
        { 464m, Adjust(-4m), 460m },
        { 460m, Adjust(2.25m), 462.25m },
        { 0.3m, Dispense(0.1m), 0.2m },
        // Exactly to zero is allowed.
        { 35m, Dispense(35m), 0m },
        { 1m, Waste(1m), 0m },
        { 1m, Adjust(-1m), 0m },
        // Never negative: refused (null = refused).
        { 35m, Dispense(35.001m), null },
        { 0m, Waste(0.5m), null },
        { 10m, Adjust(-10.5m), null },
    };

    [Theory]
    [MemberData(nameof(ArithmeticCases))]
    public void Apply_KeepsTheBalance_NeverNegative(decimal balance, LedgerMovement movement, decimal? expected)
    {
        var current = new LotBalance("L1", balance, 0m, 0m, 0m);
        var outcome = StockLedger.Apply(current, movement, Nurse, Today);
        if (expected is null)
        {
            Assert.Equal(FailureKind.Conflict, outcome.Failure);
            Assert.Contains("never go negative", outcome.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors?.Messages ?? []));
            Assert.Equal(expected, outcome.Value!.BalanceAfterMg);
        }
    }

    public static TheoryData<LedgerMovement, string> InvalidCases => new()
    {
        { Receive(0m), "amountMg" },
        { Receive(-5m), "amountMg" },
        { Receive(1.0005m), "amountMg" },
        { Receive(5m) with { Expiry = null }, "expiry" },
        { Receive(5m) with { ConcentrationMgPerMl = 0m }, "concentrationMgPerMl" },
        { Dispense(5m) with { SessionId = null }, "sessionId" },
        { Waste(5m) with { WitnessId = null }, "witnessId" }, // issue 5 §9: waste with a witness
        { Waste(5m) with { WitnessId = Nurse }, "witnessId" },
        { Adjust(5m) with { Reason = " " }, "reason" }, // issue 5 §9: adjusted with a reason
        { Adjust(0m), "amountMg" },
        { Receive(5m) with { LotNumber = "" }, "lotNumber" },
        { Receive(5m) with { Kind = null }, "kind" },
        { Dispense(-5m), "amountMg" },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Apply_RefusesBadInput_WithTheField(LedgerMovement movement, string field)
    {
        var outcome = StockLedger.Apply(new LotBalance("L1", 100m, 0m, 0m, 0m), movement, Nurse, Today);
        Assert.Equal(FailureKind.Invalid, outcome.Failure);
        Assert.Contains(field, outcome.Errors!.ToDictionary().Keys);
    }

    [Fact]
    public void Balances_FoldPerLot()
    {
        var moves = new[]
        {
            new AcceptedMovement(LedgerEntryKind.Received, "A", 500m, 500m),
            new AcceptedMovement(LedgerEntryKind.Received, "B", 200m, 200m),
            new AcceptedMovement(LedgerEntryKind.Dispensed, "A", -35.5m, 464.5m),
            new AcceptedMovement(LedgerEntryKind.Wasted, "A", -0.5m, 464m),
            new AcceptedMovement(LedgerEntryKind.Adjusted, "B", -1m, 199m),
        };
        var balances = StockLedger.Balances(moves);
        Assert.Equal(new LotBalance("A", 500m, 35.5m, 0.5m, 0m), balances["A"]);
        Assert.Equal(464m, balances["A"].BalanceMg);
        Assert.Equal(199m, balances["B"].BalanceMg);
    }

    [Fact]
    public void ManySmallDispensings_AreExactToTheMilligram()
    {
        var balance = new LotBalance("L1", 100m, 0m, 0m, 0m);
        for (var i = 0; i < 1000; i++)
        {
            var outcome = StockLedger.Apply(balance, Dispense(0.1m), Nurse, Today);
            balance = balance.With(LedgerEntryKind.Dispensed, outcome.Value!.ChangeMg);
        }

        Assert.Equal(0m, balance.BalanceMg);
        Assert.Equal(FailureKind.Conflict, StockLedger.Apply(balance, Dispense(0.001m), Nurse, Today).Failure);
    }
}
