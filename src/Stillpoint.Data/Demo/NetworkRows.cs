using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Stillpoint.Core.Instruments;
using Stillpoint.Core.Instruments.Definitions;
using Stillpoint.Core.Instruments.Scoring;
using Stillpoint.Core.Patients;
using Stillpoint.Core.Plans;
using Stillpoint.Data.Assessment;
using Stillpoint.Data.Entities;
using Stillpoint.Data.Responses;
using Stillpoint.Data.Sessions;

namespace Stillpoint.Data.Demo;

/// <summary>The staff a network patient's rows name: the prescriber who wrote the plan and the session nurse.</summary>
public sealed record NetworkStaff(Guid PrescriberId, string PrescriberName, Guid NurseId);

/// <summary>Every row of one synthetic network patient, in insertion order (parents before children).</summary>
public sealed record NetworkPatientRows(
    Patient Patient,
    TreatmentPlan Plan,
    IReadOnlyList<TreatmentPlanRevision> Revisions,
    IReadOnlyList<DosingSession> Sessions,
    IReadOnlyList<SessionEntry> Entries,
    IReadOnlyList<InstrumentResponse> Responses);

/// <summary>
/// Turns a <see cref="NetworkProfile"/> into rows: a plan, dosing sessions with light vitals, and questionnaire
/// responses scored by the real scorer (so totals, bands and flags are what the clinic would have stored).
/// Measures: PHQ-9 and GAD-7 weekly, RRS-22 fortnightly, PTQ (and PCL-5 for PTSD) four-weekly, BSRI before and
/// about 40 minutes after every dose. Every value is invented.
/// </summary>
public sealed class NetworkRows(InstrumentLibrary instruments, Guid clinicId, DateTimeOffset now)
{
    private static readonly int[] InductionDays = [0, 2, 4, 7, 9, 11, 14, 16];
    private static readonly string[] GivenNames = ["Alex", "Sam", "Robin", "Kai", "Noor", "Eli", "Ada", "Luca", "Mina", "Tove", "Rami", "Iris", "Jun", "Lena", "Omar", "Zoe"];
    private static readonly string[] FamilyNames = ["Arden", "Bex", "Corwin", "Dahl", "Ekberg", "Faro", "Gale", "Holm", "Ives", "Juno", "Kaur", "Lund", "Moss", "Nakai", "Ortega", "Pryce"];
    private static readonly string[] AdverseEvents = ["nausea", "headache", "dizziness", "anxiety"];

    private readonly ConcurrentDictionary<(string Instrument, int Total), ScoredAnswers> _scored = new();

    public NetworkPatientRows Build(NetworkProfile profile, NetworkStaff staff)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(staff);
        var random = new Random(profile.Index);
        var patient = NewPatient(profile, random);
        var (plan, revisions) = NewPlan(profile, patient.Id, staff);
        var sessions = new List<DosingSession>();
        var entries = new List<SessionEntry>();
        var responses = new List<InstrumentResponse>();
        foreach (var day in SessionDays(profile))
        {
            var session = NewSession(profile, patient, day, staff, random);
            session.PlanRevisionId = revisions[1].Id; // the activated revision, as scheduling records it
            sessions.Add(session);
            if (session.DosingStartedAt is not null)
            {
                entries.AddRange(SessionEntries(session, staff, random));
                responses.AddRange(BsriPair(profile, session, day, random));
            }
            else if (session.Phase == "Aborted")
            {
                entries.Add(Entry(session, EntryKinds.GoNoGo, session.GoNoGoAt!.Value, "Preparation", staff.NurseId, e => e.Code = "no-go"));
            }
        }

        responses.AddRange(Measures(profile, patient.Id, random));
        return new NetworkPatientRows(patient, plan, revisions, sessions, entries, responses);
    }

    private Patient NewPatient(NetworkProfile profile, Random random)
    {
        var mrn = string.Create(CultureInfo.InvariantCulture, $"NET-{profile.Index + 1:D6}");
        var patient = new Patient { ClinicId = clinicId, Mrn = mrn, GivenName = "", FamilyName = "", CreatedAt = At(profile, -10, 9), UpdatedAt = At(profile, -10, 9) };
        patient.Apply(new PatientInput(
            mrn, GivenNames[random.Next(GivenNames.Length)], FamilyNames[random.Next(FamilyNames.Length)],
            new DateOnly(1950 + random.Next(55), 1 + random.Next(12), 1 + random.Next(28)), (Sex)random.Next(2), null, null,
            Math.Round(50 + ((decimal)random.NextDouble() * 50), 1), profile.Start.AddDays(-10)));
        return patient;
    }

    private (TreatmentPlan Plan, List<TreatmentPlanRevision> Revisions) NewPlan(NetworkProfile profile, Guid patientId, NetworkStaff staff)
    {
        var content = AssessmentJson.Write(new PlanContent
        {
            Indications = [profile.Indication],
            Route = profile.Route,
            Dose = profile.Route is Route.IV or Route.IM ? new DoseSpec(DoseMode.PerKg, 0.5m, 1m, 60m) : new DoseSpec(DoseMode.Flat, FlatMg: 84m),
            InfusionMinutes = profile.Route == Route.IV ? 40 : null,
            SessionCount = profile.InductionSessions,
            Frequency = "2–3 per week",
            Measures = ["phq9", "gad7", "rrs22", "bsri"],
        });
        var status = profile.StillActive ? PlanStatus.Active : PlanStatus.Completed;
        var plan = new TreatmentPlan
        {
            ClinicId = clinicId, PatientId = patientId, Status = status, ContentJson = content,
            CreatedAt = At(profile, -7, 10), UpdatedAt = At(profile, profile.StillActive ? -2 : profile.FollowUpDays, 10),
            ActivatedAt = At(profile, -2, 10), EndedAt = profile.StillActive ? null : At(profile, profile.FollowUpDays, 10),
            EndReason = profile.StillActive ? null : "follow-up complete (synthetic)",
        };
        var revisions = new List<TreatmentPlanRevision> { Revision(plan, 1, "created", PlanStatus.Draft, -7, staff), Revision(plan, 2, "activated", PlanStatus.Active, -2, staff) };
        if (!profile.StillActive)
        {
            revisions.Add(Revision(plan, 3, "completed", PlanStatus.Completed, profile.FollowUpDays, staff));
        }

        plan.RevisionNumber = revisions.Count;
        return (plan, revisions);

        TreatmentPlanRevision Revision(TreatmentPlan of, int number, string change, PlanStatus after, int day, NetworkStaff by) => new()
        {
            ClinicId = clinicId, PatientId = patientId, PlanId = of.Id, Number = number, Change = change, Status = after,
            ContentJson = content, Reason = "synthetic network seed", ChangedBy = by.PrescriberId, ChangedByName = by.PrescriberName,
            ChangedAt = At(profile, day, 10),
        };
    }

    /// <summary>Induction sessions (future ones stay scheduled), a booster after a relapse, monthly maintenance for some.</summary>
    private static IEnumerable<int> SessionDays(NetworkProfile profile)
    {
        var days = InductionDays.Take(profile.InductionSessions).ToList();
        if (profile.RelapseDay is { } relapse && profile.BoosterAfterRelapse && relapse + 7 <= profile.FollowUpDays)
        {
            days.Add(relapse + 7);
        }

        if (profile.MonthlyMaintenance)
        {
            for (var day = days.Max() + 28; day <= profile.FollowUpDays; day += 28)
            {
                days.Add(day);
            }
        }

        return days.Where(day => day <= profile.FollowUpDays || profile.StillActive).Distinct().Order();
    }

    private DosingSession NewSession(NetworkProfile profile, Patient patient, int day, NetworkStaff staff, Random random)
    {
        var scheduled = At(profile, day, 9).AddMinutes(random.Next(0, 240));
        var session = new DosingSession
        {
            ClinicId = clinicId, PatientId = patient.Id, ScheduledFor = scheduled, CreatedAt = At(profile, day - 5, 11), CreatedBy = staff.PrescriberId,
            WeightKgUsed = patient.WeightKg, ComputedDoseMg = profile.Route is Route.IV or Route.IM ? Math.Min(60m, Math.Round(patient.WeightKg!.Value * 0.5m)) : 84m,
        };
        if (scheduled > now)
        {
            return session; // still to come: Scheduled
        }

        session.CheckedInAt = scheduled;
        session.GoNoGoAt = scheduled.AddMinutes(20);
        if (random.NextDouble() < 0.03)
        {
            session.Phase = "Aborted";
            session.GoNoGoVerdict = "no-go";
            session.AbortReason = "go/no-go: no-go (synthetic)";
            session.FinishedAt = scheduled.AddMinutes(25);
            return session;
        }

        session.Phase = "Discharged";
        session.GoNoGoVerdict = "go";
        session.FastingConfirmed = true;
        session.EscortConfirmed = true;
        session.MedicationsReviewed = true;
        session.DosingStartedAt = scheduled.AddMinutes(30);
        session.DosingEndedAt = session.DosingStartedAt.Value.AddMinutes(profile.Route == Route.IV ? 40 : 5);
        session.FinishedAt = session.DosingStartedAt.Value.AddMinutes(150);
        return session;
    }

    private IEnumerable<SessionEntry> SessionEntries(DosingSession session, NetworkStaff staff, Random random)
    {
        var dose = session.DosingStartedAt!.Value;
        yield return Entry(session, EntryKinds.GoNoGo, session.GoNoGoAt!.Value, "Preparation", staff.NurseId, e => e.Code = "go");
        yield return Vitals(session, dose.AddMinutes(-10), "Preparation", staff, random, 0);
        yield return Vitals(session, dose.AddMinutes(60), "Integration", staff, random, 8);
        if (random.NextDouble() < 0.06)
        {
            var type = AdverseEvents[random.Next(AdverseEvents.Length)];
            yield return Entry(session, EntryKinds.AdverseEvent, dose.AddMinutes(30), "Dosing", staff.NurseId, e => (e.Code, e.Severity, e.Text) = (type, "mild", "resolved (synthetic)"));
        }

        if (random.NextDouble() < 0.04)
        {
            yield return Entry(session, EntryKinds.Alert, dose.AddMinutes(20), "Dosing", staff.NurseId, e => (e.Code, e.Severity, e.Text) = ("bp-high", "warning", "blood pressure above the session limit (synthetic)"));
        }
    }

    private SessionEntry Vitals(DosingSession session, DateTimeOffset at, string phase, NetworkStaff staff, Random random, int rise) =>
        Entry(session, EntryKinds.Vitals, at, phase, staff.NurseId, e =>
        {
            e.Systolic = 112 + rise + random.Next(25);
            e.Diastolic = 68 + (rise / 2) + random.Next(18);
            e.HeartRate = 62 + random.Next(25);
            e.SpO2 = 95 + random.Next(5);
            e.RespiratoryRate = 12 + random.Next(6);
            e.Source = "device";
        });

    private SessionEntry Entry(DosingSession session, string kind, DateTimeOffset at, string phase, Guid by, Action<SessionEntry> fill)
    {
        var entry = new SessionEntry { ClinicId = clinicId, PatientId = session.PatientId, SessionId = session.Id, Kind = kind, At = at, RecordedAt = at, RecordedBy = by, Phase = phase };
        fill(entry);
        return entry;
    }

    private IEnumerable<InstrumentResponse> BsriPair(NetworkProfile profile, DosingSession session, int day, Random random)
    {
        var pre = Math.Clamp((int)Math.Round((520 * Math.Pow(profile.Severity(day), 0.8)) + Noise(random, 60)), 0, 800);
        var post = (int)Math.Round(pre * (0.45 + (random.NextDouble() * 0.3)));
        yield return Response("bsri", pre, session.DosingStartedAt!.Value.AddMinutes(-10), "pre-dose", profile.Index, session.PatientId, random, session.Id);
        yield return Response("bsri", post, session.DosingStartedAt.Value.AddMinutes(40), "post-dose", profile.Index, session.PatientId, random, session.Id);
    }

    private IEnumerable<InstrumentResponse> Measures(NetworkProfile profile, Guid patientId, Random random)
    {
        var gadBaseline = Math.Clamp((int)Math.Round((profile.Phq9Baseline * 0.7) + Noise(random, 2)), 4, 21);
        var rrsBaseline = 50 + random.Next(26);
        var ptqBaseline = 30 + random.Next(21);
        var pclBaseline = 35 + random.Next(26);
        for (var day = -3; day <= profile.FollowUpDays; day += day < 0 ? 10 : 7)
        {
            var week = day < 0 ? 0 : day / 7;
            var context = day < 0 ? "baseline" : "follow-up";
            var severity = profile.Severity(day);
            var at = At(profile, day, 18).AddMinutes(random.Next(0, 180));
            yield return Response("phq9", Scaled(profile.Phq9Baseline, 0, severity, 1.5, 24, random), at, context, profile.Index, patientId, random);
            yield return Response("gad7", Scaled(gadBaseline, 0, severity, 1.5, 21, random), at.AddMinutes(5), context, profile.Index, patientId, random);
            if (week % 2 == 0)
            {
                yield return Response("rrs22", Scaled(rrsBaseline, 22, severity, 3, 88, random), at.AddMinutes(10), context, profile.Index, patientId, random);
            }

            if (week % 4 == 0)
            {
                yield return Response("ptq", Scaled(ptqBaseline, 0, severity, 3, 60, random), at.AddMinutes(15), context, profile.Index, patientId, random);
                if (profile.Indication == Core.Eligibility.Indication.Ptsd)
                {
                    yield return Response("pcl5", Scaled(pclBaseline, 0, severity, 4, 80, random), at.AddMinutes(20), context, profile.Index, patientId, random);
                }
            }
        }
    }

    /// <summary>floor + (baseline − floor) × severity + noise, clamped to the scale.</summary>
    private static int Scaled(int baseline, int floor, double severity, double noise, int max, Random random) =>
        Math.Clamp((int)Math.Round(floor + ((baseline - floor) * severity) + Noise(random, noise)), floor, max);

    private InstrumentResponse Response(string instrumentId, int total, DateTimeOffset at, string context, int index, Guid patientId, Random random, Guid? sessionId = null)
    {
        var scored = Scored(instrumentId, total, random, index);
        return new InstrumentResponse
        {
            ClinicId = clinicId, PatientId = patientId, InstrumentId = instrumentId, InstrumentVersion = scored.Version,
            Answers = scored.Answers, AnsweredAt = at, RecordedAt = at, EnteredBy = ResponseValues.EnteredByPatient,
            Context = context, DosingSessionId = sessionId, Status = ResponseValues.Complete, Total = scored.Result.Total, Severity = scored.Result.Severity,
            Flags = scored.Flags, Subscales = scored.Subscales, IsComplete = scored.Result.IsComplete, IsProrated = scored.Result.IsProrated,
            Explanation = "[\"Synthetic network data.\"]",
        };
    }

    /// <summary>
    /// Answers for a total, scored by the real scorer. One answer set per (instrument, total), drawn the first time it
    /// is needed: scoring a million responses one by one would make the seed several times slower for no benefit.
    /// </summary>
    private ScoredAnswers Scored(string instrumentId, int total, Random random, int index) =>
        _scored.GetOrAdd((instrumentId, total), key =>
        {
            var definition = instruments.Get(key.Instrument);
            var answers = NetworkAnswers.ForTotal(definition, key.Total, random);
            var result = InstrumentScorer.Score(definition, answers).Result
                ?? throw new InvalidOperationException($"Synthetic {key.Instrument} answers for patient {index} were refused.");
            return new ScoredAnswers(
                definition.Version, JsonSerializer.Serialize(answers), result,
                JsonSerializer.Serialize(result.Flags.Select(flag => flag.Name)),
                JsonSerializer.Serialize(result.Subscales.ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal)));
        });

    private static DateTimeOffset At(NetworkProfile profile, int day, int hour) =>
        new(profile.Start.AddDays(day).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    /// <summary>Normal noise with the given standard deviation (Box–Muller).</summary>
    private static double Noise(Random random, double sd) =>
        sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

internal sealed record ScoredAnswers(string Version, string Answers, ScoreResult Result, string Flags, string Subscales);

/// <summary>Item answers that add up to a wanted total, within each item's scale.</summary>
internal static class NetworkAnswers
{
    /// <summary>PHQ-9 item 9 (thoughts of self-harm) stays 0: synthetic data should not raise suicide-risk alerts.</summary>
    private const string Phq9 = "phq9";

    public static int?[] ForTotal(InstrumentDefinition definition, int total, Random random)
    {
        var items = definition.Items;
        var count = definition.Id == Phq9 ? items.Count - 1 : items.Count;
        var answers = new int?[items.Count];
        var remaining = total - items.Take(count).Sum(item => item.Scale.Min);
        for (var i = 0; i < items.Count; i++)
        {
            answers[i] = items[i].Scale.Min;
        }

        // Spread the rest one step at a time over random items that still have room.
        while (remaining > 0)
        {
            var i = random.Next(count);
            var step = Math.Min(remaining, Math.Min(items[i].Scale.IsSlider ? 1 + random.Next(40) : 1, items[i].Scale.Max - answers[i]!.Value));
            answers[i] += step;
            remaining -= step;
        }

        return answers;
    }
}
