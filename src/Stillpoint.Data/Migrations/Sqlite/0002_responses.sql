-- 0002 questionnaire responses (immutable, superseded by corrections) and clinics' official instrument wording.
-- Written from 'stillpoint db schema-script'; SchemaTests keep it equal to the EF model.

CREATE TABLE "ClinicInstrumentWordings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ClinicInstrumentWordings" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "InstrumentId" TEXT NOT NULL,
    "Texts" TEXT NOT NULL,
    "Format" TEXT NOT NULL,
    "SourceName" TEXT NULL,
    "ImportedAt" INTEGER NOT NULL,
    "ImportedByUserId" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ClinicInstrumentWordings_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "InstrumentResponses" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_InstrumentResponses" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "PatientId" TEXT NOT NULL,
    "InstrumentId" TEXT NOT NULL,
    "InstrumentVersion" TEXT NOT NULL,
    "Answers" TEXT NOT NULL,
    "AnsweredAt" INTEGER NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "EnteredByUserId" TEXT NULL,
    "EnteredBy" TEXT NOT NULL,
    "Context" TEXT NOT NULL,
    "DosingSessionId" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Total" REAL NULL,
    "Severity" TEXT NULL,
    "Flags" TEXT NOT NULL,
    "Subscales" TEXT NOT NULL,
    "IsComplete" INTEGER NOT NULL,
    "IsProrated" INTEGER NOT NULL,
    "Explanation" TEXT NOT NULL,
    "SupersedesId" TEXT NULL,
    "CorrectionReason" TEXT NULL,
    CONSTRAINT "FK_InstrumentResponses_InstrumentResponses_SupersedesId" FOREIGN KEY ("SupersedesId") REFERENCES "InstrumentResponses" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_InstrumentResponses_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_ClinicInstrumentWordings_ClinicId_InstrumentId" ON "ClinicInstrumentWordings" ("ClinicId", "InstrumentId");

CREATE INDEX "IX_InstrumentResponses_ClinicId_PatientId_InstrumentId_AnsweredAt" ON "InstrumentResponses" ("ClinicId", "PatientId", "InstrumentId", "AnsweredAt");

CREATE INDEX "IX_InstrumentResponses_PatientId" ON "InstrumentResponses" ("PatientId");

CREATE UNIQUE INDEX "IX_InstrumentResponses_SupersedesId" ON "InstrumentResponses" ("SupersedesId");
