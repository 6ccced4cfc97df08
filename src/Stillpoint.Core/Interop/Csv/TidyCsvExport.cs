namespace Stillpoint.Core.Interop.Csv;

/// <summary>
/// The CSV export in long (tidy) form: one row per observation. Files: patients.csv, responses.csv (one row per
/// item), scores.csv (one row per total or subscale), vitals.csv (one row per measured value), sessions.csv
/// (one row per session) and README.txt describing them. The same shapes serve the research export.
/// </summary>
public static class TidyCsvExport
{
    public const string ReadmeFile = "README.txt";

    public static IReadOnlyDictionary<string, string> Build(ExportSet set, IExportIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(identity);
        var patients = new CsvTable([.. identity.PatientHeader]);
        var responses = new CsvTable("patient_id", "response_id", "instrument_id", "instrument_version", "context", "answered_at", "session_id", "item_number", "value");
        var scores = new CsvTable("patient_id", "response_id", "instrument_id", "instrument_version", "context", "answered_at", "measure", "value", "severity");
        var vitals = new CsvTable("patient_id", "session_id", "measured_at", "phase", "measure", "value", "unit", "source");
        var sessions = new CsvTable("patient_id", "session_id", "phase", "scheduled_for", "checked_in_at", "dosing_started_at", "dosing_ended_at", "finished_at", "computed_dose_mg", "administered_dose_mg", "go_no_go", "vitals_sets");
        foreach (var patient in set.Patients)
        {
            patients.Add(identity.PatientFields(patient));
            foreach (var response in patient.Responses)
            {
                AddResponse(responses, scores, identity, patient, response);
            }

            foreach (var session in patient.Sessions)
            {
                AddSession(sessions, vitals, identity, patient, session);
            }
        }

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["patients.csv"] = patients.ToString(),
            ["responses.csv"] = responses.ToString(),
            ["scores.csv"] = scores.ToString(),
            ["vitals.csv"] = vitals.ToString(),
            ["sessions.csv"] = sessions.ToString(),
            [ReadmeFile] = Readme(identity is IdentifiedExport),
        };
    }

    private static void AddResponse(CsvTable responses, CsvTable scores, IExportIdentity identity, ExportPatient patient, ExportResponse response)
    {
        var id = identity.PatientId(patient);
        var row = identity.RowId(response.Id);
        var at = identity.Time(patient, response.AnsweredAt);
        var session = response.SessionId is { } sessionId ? identity.RowId(sessionId) : null;
        for (var i = 0; i < response.Answers.Count; i++)
        {
            responses.Add(id, row, response.InstrumentId, response.InstrumentVersion, response.Context, at, session, i + 1, response.Answers[i]);
        }

        if (response.Total is { } total)
        {
            scores.Add(id, row, response.InstrumentId, response.InstrumentVersion, response.Context, at, "total", total, response.Severity);
        }

        foreach (var (name, value) in response.Subscales.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            scores.Add(id, row, response.InstrumentId, response.InstrumentVersion, response.Context, at, "subscale:" + name, value, null);
        }
    }

    private static void AddSession(CsvTable sessions, CsvTable vitals, IExportIdentity identity, ExportPatient patient, ExportSession session)
    {
        var id = identity.PatientId(patient);
        var row = identity.RowId(session.Id);
        DateTimeOffset? Shift(DateTimeOffset? value) => value is { } v ? identity.Time(patient, v) : null;
        sessions.Add(id, row, session.Phase, identity.Time(patient, session.ScheduledFor), Shift(session.CheckedInAt), Shift(session.DosingStartedAt),
            Shift(session.DosingEndedAt), Shift(session.FinishedAt), session.ComputedDoseMg, session.AdministeredDoseMg, session.GoNoGo, session.Vitals.Count);
        foreach (var set in session.Vitals)
        {
            var at = identity.Time(patient, set.At);
            foreach (var (measure, value, unit) in Measures(set))
            {
                vitals.Add(id, row, at, set.Phase, measure, value, unit, set.Source);
            }
        }
    }

    private static IEnumerable<(string Measure, int Value, string Unit)> Measures(ExportVitals v)
    {
        if (v.Systolic is { } systolic)
        {
            yield return ("systolic_bp", systolic, "mm[Hg]");
        }

        if (v.Diastolic is { } diastolic)
        {
            yield return ("diastolic_bp", diastolic, "mm[Hg]");
        }

        if (v.HeartRate is { } heartRate)
        {
            yield return ("heart_rate", heartRate, "/min");
        }

        if (v.SpO2 is { } spo2)
        {
            yield return ("spo2", spo2, "%");
        }

        if (v.RespiratoryRate is { } rate)
        {
            yield return ("respiratory_rate", rate, "/min");
        }
    }

    private static string Readme(bool identified) => string.Join("\r\n",
    [
        identified ? "Stillpoint CSV export (identified: for the clinic's own use)." : "Stillpoint research export (de-identified).",
        "",
        "All files: RFC 4180 CSV, UTF-8, comma-separated, header row, CRLF line ends. Numbers use '.' as decimal point.",
        "Times are ISO 8601 UTC (…Z). An empty field means no value. Long (tidy) form: one row per observation.",
        "Only current, complete questionnaire responses are included: drafts and responses replaced by a correction are not.",
        "",
        "patients.csv   one row per patient.",
        "responses.csv  one row per questionnaire item: item_number is the 1-based item position in the instrument",
        "               definition (instrument_id + instrument_version); value is the raw answer, empty = not answered.",
        "scores.csv     one row per score of a response: measure 'total' (with its severity band) or 'subscale:<name>'.",
        "               Scores are as computed by Stillpoint when the response was stored.",
        "vitals.csv     one row per measured value: measure systolic_bp, diastolic_bp (mm[Hg]), heart_rate,",
        "               respiratory_rate (/min), spo2 (%); phase is the session phase when it was recorded.",
        "sessions.csv   one row per dosing session; vitals_sets counts the vitals records in it.",
        "",
        identified
            ? "Ids are Stillpoint's own ids; patients.csv holds names, MRN and birth date."
            : "patient_id, response_id and session_id are pseudonyms (keyed hash; the key was not kept). Every time about a patient\r\n"
              + "is shifted by the same whole number of days (1-365, either way), different per patient: intervals within a patient are\r\n"
              + "exact, calendar dates are not real. Names, MRN, contact details, birth date and free text are removed; age_band is\r\n"
              + "the 10-year age band at the patient's first record (90+ collapsed).",
        "",
    ]);
}
