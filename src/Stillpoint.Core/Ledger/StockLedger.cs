using System.Globalization;
using Stillpoint.Core.Common;

namespace Stillpoint.Core.Ledger;

public enum LedgerEntryKind
{
    Received,
    Dispensed,
    Wasted,
    Adjusted,
}

/// <summary>A ledger movement as requested, before it is accepted. Amounts are milligrams of drug.</summary>
public sealed record LedgerMovement(
    LedgerEntryKind? Kind,
    string? LotNumber,
    decimal? AmountMg,
    DateOnly? Expiry = null,
    decimal? ConcentrationMgPerMl = null,
    Guid? SessionId = null,
    Guid? WitnessId = null,
    string? Reason = null);

/// <summary>The running balance of one lot.</summary>
public sealed record LotBalance(string LotNumber, decimal ReceivedMg, decimal DispensedMg, decimal WastedMg, decimal AdjustedMg)
{
    public decimal BalanceMg => ReceivedMg - DispensedMg - WastedMg + AdjustedMg;

    public static LotBalance Empty(string lot) => new(lot, 0m, 0m, 0m, 0m);

    /// <summary>The balance after a signed change (positive in, negative out) of this kind.</summary>
    public LotBalance With(LedgerEntryKind kind, decimal signedMg) => kind switch
    {
        LedgerEntryKind.Received => this with { ReceivedMg = ReceivedMg + signedMg },
        LedgerEntryKind.Dispensed => this with { DispensedMg = DispensedMg - signedMg },
        LedgerEntryKind.Wasted => this with { WastedMg = WastedMg - signedMg },
        LedgerEntryKind.Adjusted => this with { AdjustedMg = AdjustedMg + signedMg },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown ledger entry kind."),
    };
}

/// <summary>An accepted movement: the signed change to the lot (positive in, negative out) and the balance after it.</summary>
public sealed record AcceptedMovement(LedgerEntryKind Kind, string LotNumber, decimal ChangeMg, decimal BalanceAfterMg);

/// <summary>
/// Controlled-substance ledger arithmetic (issue 5 §9): received, dispensed, wasted (with a witness), adjusted
/// (with a reason). Balances are per lot, in decimal milligrams; a movement that would make a balance negative is
/// refused, never clamped.
/// </summary>
public static class StockLedger
{
    public const int MaxTextLength = 100;
    public const int MaxReasonLength = 500;

    // Plausibility bound for one movement (mg): larger than any single stock delivery a clinic would book.
    public const decimal MaxAmountMg = 1_000_000m;

    /// <summary>Validates a movement against the lot's current balance and returns the accepted change, or why not.</summary>
    public static Outcome<AcceptedMovement> Apply(LotBalance current, LedgerMovement movement, Guid recordedBy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(movement);
        var errors = Validate(movement, recordedBy, today);
        if (!errors.IsEmpty)
        {
            return Outcome<AcceptedMovement>.Invalid(errors);
        }

        var amount = movement.AmountMg!.Value;
        var change = movement.Kind switch
        {
            LedgerEntryKind.Received => amount,
            LedgerEntryKind.Dispensed or LedgerEntryKind.Wasted => -amount,
            _ => amount, // Adjusted is signed by the caller.
        };
        var after = current.BalanceMg + change;
        if (after < 0m)
        {
            return Outcome<AcceptedMovement>.Conflict(string.Create(CultureInfo.InvariantCulture,
                $"Lot {current.LotNumber} holds {current.BalanceMg} mg; this {movement.Kind!.Value.ToString().ToLowerInvariant()} of {Math.Abs(change)} mg would leave {after} mg. A balance can never go negative."));
        }

        return Outcome<AcceptedMovement>.Ok(new AcceptedMovement(movement.Kind!.Value, current.LotNumber, change, after));
    }

    /// <summary>Folds accepted changes into per-lot balances (for reports and tests).</summary>
    public static IReadOnlyDictionary<string, LotBalance> Balances(IEnumerable<AcceptedMovement> movements)
    {
        ArgumentNullException.ThrowIfNull(movements);
        var lots = new Dictionary<string, LotBalance>(StringComparer.Ordinal);
        foreach (var m in movements)
        {
            var lot = lots.TryGetValue(m.LotNumber, out var existing) ? existing : LotBalance.Empty(m.LotNumber);
            lots[m.LotNumber] = lot.With(m.Kind, m.ChangeMg);
        }

        return lots;
    }

    private static ValidationErrors Validate(LedgerMovement m, Guid recordedBy, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (m.Kind is null)
        {
            errors.Add("kind", "Choose received, dispensed, wasted or adjusted.");
        }

        if (string.IsNullOrWhiteSpace(m.LotNumber) || m.LotNumber.Trim().Length > MaxTextLength)
        {
            errors.Add("lotNumber", "The lot number is required.");
        }

        ValidateAmount(m, errors);
        switch (m.Kind)
        {
            case LedgerEntryKind.Received:
                if (m.Expiry is null)
                {
                    errors.Add("expiry", "Stock received needs the lot's expiry date.");
                }

                if (m.ConcentrationMgPerMl is not > 0m)
                {
                    errors.Add("concentrationMgPerMl", "Stock received needs its concentration (mg/mL, more than 0).");
                }

                break;
            case LedgerEntryKind.Dispensed:
                if (m.SessionId is null)
                {
                    errors.Add("sessionId", "A dispensing names the session it is for.");
                }

                break;
            case LedgerEntryKind.Wasted:
                if (m.WitnessId is null)
                {
                    errors.Add("witnessId", "Waste needs a witness.");
                }
                else if (m.WitnessId == recordedBy)
                {
                    errors.Add("witnessId", "The witness must be someone other than the person recording the waste.");
                }

                break;
            case LedgerEntryKind.Adjusted:
                if (string.IsNullOrWhiteSpace(m.Reason))
                {
                    errors.Add("reason", "An adjustment needs a reason.");
                }

                break;
            case null:
                break;
        }

        if (m.Reason is { Length: > MaxReasonLength })
        {
            errors.Add("reason", $"At most {MaxReasonLength} characters.");
        }

        _ = today;
        return errors;
    }

    private static void ValidateAmount(LedgerMovement m, ValidationErrors errors)
    {
        if (m.AmountMg is not { } amount)
        {
            errors.Add("amountMg", "The amount in mg is required.");
            return;
        }

        if (decimal.Round(amount, 3) != amount)
        {
            errors.Add("amountMg", "At most three decimal places (mg).");
        }

        var signedAllowed = m.Kind == LedgerEntryKind.Adjusted;
        if (amount == 0m || (!signedAllowed && amount < 0m) || Math.Abs(amount) > MaxAmountMg)
        {
            errors.Add("amountMg", signedAllowed
                ? "An adjustment is a non-zero amount (negative removes stock)."
                : $"The amount must be more than 0 and at most {MaxAmountMg} mg.");
        }
    }
}
