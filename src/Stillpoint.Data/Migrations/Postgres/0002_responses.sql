-- 0002 questionnaire responses (immutable, superseded by corrections) and clinics' official instrument wording.
-- Written from 'stillpoint db schema-script'; SchemaTests keep it equal to the EF model.

CREATE TABLE "ClinicInstrumentWordings" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "InstrumentId" character varying(64) NOT NULL,
    "Texts" text NOT NULL,
    "Format" character varying(16) NOT NULL,
    "SourceName" character varying(260),
    "ImportedAt" timestamp with time zone NOT NULL,
    "ImportedByUserId" uuid,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_ClinicInstrumentWordings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ClinicInstrumentWordings_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "InstrumentResponses" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "PatientId" uuid NOT NULL,
    "InstrumentId" character varying(64) NOT NULL,
    "InstrumentVersion" character varying(32) NOT NULL,
    "Answers" character varying(2000) NOT NULL,
    "AnsweredAt" timestamp with time zone NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    "EnteredByUserId" uuid,
    "EnteredBy" character varying(16) NOT NULL,
    "Context" character varying(16) NOT NULL,
    "DosingSessionId" uuid,
    "Status" character varying(16) NOT NULL,
    "Total" numeric(8,2),
    "Severity" character varying(64),
    "Flags" character varying(1000) NOT NULL,
    "Subscales" character varying(1000) NOT NULL,
    "IsComplete" boolean NOT NULL,
    "IsProrated" boolean NOT NULL,
    "Explanation" text NOT NULL,
    "SupersedesId" uuid,
    "CorrectionReason" character varying(500),
    CONSTRAINT "PK_InstrumentResponses" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_InstrumentResponses_InstrumentResponses_SupersedesId" FOREIGN KEY ("SupersedesId") REFERENCES "InstrumentResponses" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_InstrumentResponses_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_ClinicInstrumentWordings_ClinicId_InstrumentId" ON "ClinicInstrumentWordings" ("ClinicId", "InstrumentId");

CREATE INDEX "IX_InstrumentResponses_ClinicId_PatientId_InstrumentId_Answere~" ON "InstrumentResponses" ("ClinicId", "PatientId", "InstrumentId", "AnsweredAt");

CREATE INDEX "IX_InstrumentResponses_PatientId" ON "InstrumentResponses" ("PatientId");

CREATE UNIQUE INDEX "IX_InstrumentResponses_SupersedesId" ON "InstrumentResponses" ("SupersedesId");
