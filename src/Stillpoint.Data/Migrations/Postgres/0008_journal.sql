-- 0008: journal entries, clinic journal prompt wording, integration notes (issue 6).
CREATE TABLE "JournalPromptSettings" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "IntentionPrompt" character varying(400) NOT NULL,
    "EveningAfterPrompt" character varying(400) NOT NULL,
    "WeekAfterPrompt" character varying(400) NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "UpdatedBy" uuid,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_JournalPromptSettings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_JournalPromptSettings_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "JournalEntries" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "PatientId" uuid NOT NULL,
    "Kind" character varying(16) NOT NULL,
    "PromptText" character varying(400),
    "Text" character varying(4000) NOT NULL,
    "Mood" integer NOT NULL,
    "Tags" character varying(160) NOT NULL,
    "SessionId" uuid,
    "SharedWithCareTeam" boolean NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_JournalEntries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_JournalEntries_DosingSessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "DosingSessions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_JournalEntries_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "IntegrationNotes" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "PatientId" uuid NOT NULL,
    "SessionId" uuid NOT NULL,
    "Text" character varying(4000) NOT NULL,
    "JournalEntryIds" character varying(400) NOT NULL,
    "AuthorId" uuid NOT NULL,
    "AuthorName" character varying(200) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_IntegrationNotes" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_IntegrationNotes_DosingSessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "DosingSessions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_IntegrationNotes_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_JournalPromptSettings_ClinicId" ON "JournalPromptSettings" ("ClinicId");

CREATE INDEX "IX_JournalEntries_ClinicId_PatientId_CreatedAt" ON "JournalEntries" ("ClinicId", "PatientId", "CreatedAt");

CREATE INDEX "IX_JournalEntries_PatientId" ON "JournalEntries" ("PatientId");

CREATE INDEX "IX_JournalEntries_SessionId" ON "JournalEntries" ("SessionId");

CREATE INDEX "IX_IntegrationNotes_ClinicId_PatientId_CreatedAt" ON "IntegrationNotes" ("ClinicId", "PatientId", "CreatedAt");

CREATE INDEX "IX_IntegrationNotes_PatientId" ON "IntegrationNotes" ("PatientId");

CREATE INDEX "IX_IntegrationNotes_SessionId_CreatedAt" ON "IntegrationNotes" ("SessionId", "CreatedAt");
