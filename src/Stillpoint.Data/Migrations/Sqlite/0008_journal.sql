-- 0008: journal entries, clinic journal prompt wording, integration notes (issue 6).
CREATE TABLE "JournalPromptSettings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_JournalPromptSettings" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "IntentionPrompt" TEXT NOT NULL,
    "EveningAfterPrompt" TEXT NOT NULL,
    "WeekAfterPrompt" TEXT NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_JournalPromptSettings_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "JournalEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_JournalEntries" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "PatientId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "PromptText" TEXT NULL,
    "Text" TEXT NOT NULL,
    "Mood" INTEGER NOT NULL,
    "Tags" TEXT NOT NULL,
    "SessionId" TEXT NULL,
    "SharedWithCareTeam" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_JournalEntries_DosingSessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "DosingSessions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_JournalEntries_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "IntegrationNotes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_IntegrationNotes" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "PatientId" TEXT NOT NULL,
    "SessionId" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "JournalEntryIds" TEXT NOT NULL,
    "AuthorId" TEXT NOT NULL,
    "AuthorName" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
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
