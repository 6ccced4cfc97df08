-- Issue 6: clinic-edited measurement schedule templates and in-app reminders for patients.
CREATE TABLE "ScheduleTemplates" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "Scope" character varying(40) NOT NULL,
    "TemplateJson" character varying(64000) NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "UpdatedBy" uuid,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_ScheduleTemplates" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ScheduleTemplates_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PatientNotifications" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "PatientId" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Text" character varying(1000) NOT NULL,
    "Link" character varying(300) NOT NULL,
    "DedupKey" character varying(200) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ReadAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_PatientNotifications" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PatientNotifications_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PatientNotifications_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_PatientNotifications_ClinicId_DedupKey" ON "PatientNotifications" ("ClinicId", "DedupKey");

CREATE INDEX "IX_PatientNotifications_ClinicId_PatientId_CreatedAt" ON "PatientNotifications" ("ClinicId", "PatientId", "CreatedAt");

CREATE INDEX "IX_PatientNotifications_PatientId" ON "PatientNotifications" ("PatientId");

CREATE UNIQUE INDEX "IX_ScheduleTemplates_ClinicId_Scope" ON "ScheduleTemplates" ("ClinicId", "Scope");
