-- Issue 5: dosing sessions, their timeline, idempotent ingestion, controlled-substance ledger.
CREATE TABLE "IdempotencyRecords" (
    "ClinicId" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "RequestHash" TEXT NOT NULL,
    "StatusCode" INTEGER NOT NULL,
    "ResponseJson" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_IdempotencyRecords" PRIMARY KEY ("ClinicId", "Key")
);

CREATE TABLE "LedgerEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LedgerEntries" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "LotNumber" TEXT NOT NULL,
    "LotSequence" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "ChangeMg" REAL NOT NULL,
    "BalanceAfterMg" REAL NOT NULL,
    "Expiry" TEXT NULL,
    "ConcentrationMgPerMl" REAL NULL,
    "SessionId" TEXT NULL,
    "WitnessId" TEXT NULL,
    "Reason" TEXT NULL,
    "RecordedBy" TEXT NULL,
    "RecordedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_LedgerEntries_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DosingSessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DosingSessions" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "PatientId" TEXT NOT NULL,
    "Phase" TEXT NOT NULL,
    "ScheduledFor" INTEGER NOT NULL,
    "PlanRevisionId" TEXT NULL,
    "ComputedDoseMg" REAL NULL,
    "WeightKgUsed" REAL NULL,
    "Intention" TEXT NULL,
    "FastingConfirmed" INTEGER NULL,
    "EscortConfirmed" INTEGER NULL,
    "Pregnancy" TEXT NOT NULL,
    "MedicationsReviewed" INTEGER NULL,
    "ConcomitantMedications" TEXT NULL,
    "GoNoGoVerdict" TEXT NULL,
    "GoNoGoAt" INTEGER NULL,
    "OverrideBy" TEXT NULL,
    "OverrideReason" TEXT NULL,
    "CheckedInAt" INTEGER NULL,
    "DosingStartedAt" INTEGER NULL,
    "DosingEndedAt" INTEGER NULL,
    "FinishedAt" INTEGER NULL,
    "AbortReason" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_DosingSessions_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DosingSessions_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "SessionEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SessionEntries" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "PatientId" TEXT NOT NULL,
    "SessionId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedBy" TEXT NULL,
    "Phase" TEXT NOT NULL,
    "Systolic" INTEGER NULL,
    "Diastolic" INTEGER NULL,
    "HeartRate" INTEGER NULL,
    "SpO2" INTEGER NULL,
    "RespiratoryRate" INTEGER NULL,
    "Moaas" INTEGER NULL,
    "Cadss6" INTEGER NULL,
    "Code" TEXT NULL,
    "Severity" TEXT NULL,
    "Text" TEXT NULL,
    "Drug" TEXT NULL,
    "DoseMg" REAL NULL,
    "LotNumber" TEXT NULL,
    "LotExpiry" TEXT NULL,
    "EndedAt" INTEGER NULL,
    "WitnessId" TEXT NULL,
    "RelatedEntryId" TEXT NULL,
    "Source" TEXT NOT NULL,
    CONSTRAINT "FK_SessionEntries_DosingSessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "DosingSessions" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_DosingSessions_ClinicId_PatientId_ScheduledFor" ON "DosingSessions" ("ClinicId", "PatientId", "ScheduledFor");

CREATE INDEX "IX_DosingSessions_ClinicId_Phase" ON "DosingSessions" ("ClinicId", "Phase");

CREATE INDEX "IX_DosingSessions_PatientId" ON "DosingSessions" ("PatientId");

CREATE UNIQUE INDEX "IX_LedgerEntries_ClinicId_LotNumber_LotSequence" ON "LedgerEntries" ("ClinicId", "LotNumber", "LotSequence");

CREATE INDEX "IX_LedgerEntries_ClinicId_RecordedAt" ON "LedgerEntries" ("ClinicId", "RecordedAt");

CREATE INDEX "IX_SessionEntries_ClinicId_Kind_SessionId" ON "SessionEntries" ("ClinicId", "Kind", "SessionId");

CREATE INDEX "IX_SessionEntries_SessionId_At" ON "SessionEntries" ("SessionId", "At");
