-- 0003 connectivity research module: clinic region-label sets, control norm sets, patient scans.
-- Written from 'stillpoint db schema-script' and reviewed; SchemaTests keep it equal to the EF model.

CREATE TABLE "ConnectivityLabelSets" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "Name" character varying(200) NOT NULL,
    "LabelsCsv" text NOT NULL,
    "RegionCount" integer NOT NULL,
    "CoreRegionCount" integer NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ConnectivityLabelSets" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ConnectivityLabelSets_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ControlNormSets" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Pipeline" character varying(16) NOT NULL,
    "RepetitionTimeSeconds" double precision NOT NULL,
    "OptionsJson" text NOT NULL,
    "LabelSetId" uuid NOT NULL,
    "SubjectCount" integer NOT NULL,
    "SubjectsJson" text NOT NULL,
    "NormsJson" text NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ControlNormSets" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ControlNormSets_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ControlNormSets_ConnectivityLabelSets_LabelSetId" FOREIGN KEY ("LabelSetId") REFERENCES "ConnectivityLabelSets" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ConnectivityScans" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "PatientId" uuid NOT NULL,
    "TimePoint" character varying(16) NOT NULL,
    "SessionNumber" integer,
    "ScannedOn" date NOT NULL,
    "RepetitionTimeSeconds" double precision NOT NULL,
    "Pipeline" character varying(16) NOT NULL,
    "OptionsJson" text NOT NULL,
    "LabelSetId" uuid NOT NULL,
    "RegionsJson" text NOT NULL,
    "FisherZUpper" bytea NOT NULL,
    "RegionCount" integer NOT NULL,
    "CoreMeanZ" double precision,
    "WithinDmnMeanZ" double precision,
    "DmnToRestMeanZ" double precision,
    "SummaryJson" text NOT NULL,
    "ExcludedRegionsJson" text NOT NULL,
    "InputTimePoints" integer NOT NULL,
    "TimePointsUsed" integer NOT NULL,
    "SourceFileName" character varying(260),
    "UploadedByUserId" uuid NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ConnectivityScans" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ConnectivityScans_ConnectivityLabelSets_LabelSetId" FOREIGN KEY ("LabelSetId") REFERENCES "ConnectivityLabelSets" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ConnectivityScans_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_ConnectivityLabelSets_ClinicId_Name" ON "ConnectivityLabelSets" ("ClinicId", "Name");

CREATE INDEX "IX_ConnectivityScans_ClinicId_PatientId_ScannedOn" ON "ConnectivityScans" ("ClinicId", "PatientId", "ScannedOn");

CREATE INDEX "IX_ConnectivityScans_LabelSetId" ON "ConnectivityScans" ("LabelSetId");

CREATE INDEX "IX_ConnectivityScans_PatientId" ON "ConnectivityScans" ("PatientId");

CREATE UNIQUE INDEX "IX_ControlNormSets_ClinicId_Name" ON "ControlNormSets" ("ClinicId", "Name");

CREATE INDEX "IX_ControlNormSets_LabelSetId" ON "ControlNormSets" ("LabelSetId");
