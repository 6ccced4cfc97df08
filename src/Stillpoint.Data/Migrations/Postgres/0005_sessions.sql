-- Issue 5: dosing sessions, their timeline, idempotent ingestion, controlled-substance ledger.
CREATE TABLE "IdempotencyRecords" (
    "ClinicId" uuid NOT NULL,
    "Key" character varying(200) NOT NULL,
    "RequestHash" character varying(64) NOT NULL,
    "StatusCode" integer NOT NULL,
    "ResponseJson" character varying(64000) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_IdempotencyRecords" PRIMARY KEY ("ClinicId", "Key")
);

CREATE TABLE "LedgerEntries" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "LotNumber" character varying(100) NOT NULL,
    "LotSequence" integer NOT NULL,
    "Kind" character varying(16) NOT NULL,
    "ChangeMg" numeric(12,3) NOT NULL,
    "BalanceAfterMg" numeric(12,3) NOT NULL,
    "Expiry" date,
    "ConcentrationMgPerMl" numeric(9,3),
    "SessionId" uuid,
    "WitnessId" uuid,
    "Reason" character varying(500),
    "RecordedBy" uuid,
    "RecordedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_LedgerEntries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_LedgerEntries_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DosingSessions" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "PatientId" uuid NOT NULL,
    "Phase" character varying(16) NOT NULL,
    "ScheduledFor" timestamp with time zone NOT NULL,
    "PlanRevisionId" uuid,
    "ComputedDoseMg" numeric(9,3),
    "WeightKgUsed" numeric(6,2),
    "Intention" character varying(2000),
    "FastingConfirmed" boolean,
    "EscortConfirmed" boolean,
    "Pregnancy" character varying(16) NOT NULL,
    "MedicationsReviewed" boolean,
    "ConcomitantMedications" character varying(500),
    "GoNoGoVerdict" character varying(16),
    "GoNoGoAt" timestamp with time zone,
    "OverrideBy" uuid,
    "OverrideReason" character varying(1000),
    "CheckedInAt" timestamp with time zone,
    "DosingStartedAt" timestamp with time zone,
    "DosingEndedAt" timestamp with time zone,
    "FinishedAt" timestamp with time zone,
    "AbortReason" character varying(1000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" uuid,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_DosingSessions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DosingSessions_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DosingSessions_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "SessionEntries" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "PatientId" uuid NOT NULL,
    "SessionId" uuid NOT NULL,
    "Kind" character varying(24) NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    "RecordedBy" uuid,
    "Phase" character varying(16) NOT NULL,
    "Systolic" integer,
    "Diastolic" integer,
    "HeartRate" integer,
    "SpO2" integer,
    "RespiratoryRate" integer,
    "Moaas" integer,
    "Cadss6" integer,
    "Code" character varying(64),
    "Severity" character varying(16),
    "Text" character varying(2000),
    "Drug" character varying(100),
    "DoseMg" numeric(9,3),
    "LotNumber" character varying(100),
    "LotExpiry" date,
    "EndedAt" timestamp with time zone,
    "WitnessId" uuid,
    "RelatedEntryId" uuid,
    "Source" character varying(16) NOT NULL,
    CONSTRAINT "PK_SessionEntries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SessionEntries_DosingSessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "DosingSessions" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_DosingSessions_ClinicId_PatientId_ScheduledFor" ON "DosingSessions" ("ClinicId", "PatientId", "ScheduledFor");

CREATE INDEX "IX_DosingSessions_ClinicId_Phase" ON "DosingSessions" ("ClinicId", "Phase");

CREATE INDEX "IX_DosingSessions_PatientId" ON "DosingSessions" ("PatientId");

CREATE UNIQUE INDEX "IX_LedgerEntries_ClinicId_LotNumber_LotSequence" ON "LedgerEntries" ("ClinicId", "LotNumber", "LotSequence");

CREATE INDEX "IX_LedgerEntries_ClinicId_RecordedAt" ON "LedgerEntries" ("ClinicId", "RecordedAt");

CREATE INDEX "IX_SessionEntries_ClinicId_Kind_SessionId" ON "SessionEntries" ("ClinicId", "Kind", "SessionId");

CREATE INDEX "IX_SessionEntries_SessionId_At" ON "SessionEntries" ("SessionId", "At");
