-- Issue 6: clinic-edited measurement schedule templates and in-app reminders for patients.
CREATE TABLE "ScheduleTemplates" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ScheduleTemplates" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "Scope" TEXT NOT NULL,
    "TemplateJson" TEXT NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ScheduleTemplates_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PatientNotifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PatientNotifications" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "PatientId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Link" TEXT NOT NULL,
    "DedupKey" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ReadAt" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_PatientNotifications_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PatientNotifications_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_PatientNotifications_ClinicId_DedupKey" ON "PatientNotifications" ("ClinicId", "DedupKey");

CREATE INDEX "IX_PatientNotifications_ClinicId_PatientId_CreatedAt" ON "PatientNotifications" ("ClinicId", "PatientId", "CreatedAt");

CREATE INDEX "IX_PatientNotifications_PatientId" ON "PatientNotifications" ("PatientId");

CREATE UNIQUE INDEX "IX_ScheduleTemplates_ClinicId_Scope" ON "ScheduleTemplates" ("ClinicId", "Scope");
