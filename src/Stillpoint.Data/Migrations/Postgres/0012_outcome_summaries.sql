-- Issue 7: one outcome summary row per clinic, patient and instrument, kept in step with response writes, so the
-- clinic dashboard and durability read ~10k rows instead of ~1M responses; covering indexes for the dashboard's
-- session, safety and cohort reads. Written from 'stillpoint db schema-script'; SchemaTests keep it equal to the EF model.

CREATE TABLE "OutcomeSummaries" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "PatientId" uuid NOT NULL,
    "InstrumentId" character varying(64) NOT NULL,
    "Measures" integer NOT NULL,
    "FirstAt" timestamp with time zone NOT NULL,
    "FirstTotal" numeric(8,2) NOT NULL,
    "LatestAt" timestamp with time zone NOT NULL,
    "LatestTotal" numeric(8,2) NOT NULL,
    "BaselineDate" date,
    "BaselineTotal" numeric(8,2),
    "ResponseDate" date,
    "RemissionDate" date,
    "RelapseDate" date,
    "DurabilityEnd" date,
    CONSTRAINT "PK_OutcomeSummaries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_OutcomeSummaries_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_DosingSessions_Dashboard" ON "DosingSessions" ("ClinicId", "PatientId", "ScheduledFor", "Phase", "DosingStartedAt", "GoNoGoVerdict");

CREATE UNIQUE INDEX "IX_OutcomeSummaries_ClinicId_InstrumentId_PatientId" ON "OutcomeSummaries" ("ClinicId", "InstrumentId", "PatientId");

CREATE INDEX "IX_OutcomeSummaries_ClinicId_LatestAt" ON "OutcomeSummaries" ("ClinicId", "LatestAt");

CREATE INDEX "IX_OutcomeSummaries_Dashboard" ON "OutcomeSummaries" ("ClinicId", "InstrumentId", "PatientId", "Measures", "FirstTotal", "LatestTotal", "BaselineDate", "BaselineTotal", "ResponseDate", "RemissionDate", "RelapseDate", "DurabilityEnd");

CREATE INDEX "IX_OutcomeSummaries_PatientId" ON "OutcomeSummaries" ("PatientId");

CREATE INDEX "IX_SessionEntries_Dashboard" ON "SessionEntries" ("ClinicId", "Kind", "At", "PatientId");

CREATE INDEX "IX_TreatmentPlan_Dashboard" ON "TreatmentPlan" ("ClinicId", "Version");
