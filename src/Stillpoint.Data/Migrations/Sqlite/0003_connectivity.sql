-- 0003 connectivity research module: clinic region-label sets, control norm sets, patient scans.
-- Written from 'stillpoint db schema-script' and reviewed; SchemaTests keep it equal to the EF model.

CREATE TABLE "ConnectivityLabelSets" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ConnectivityLabelSets" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "LabelsCsv" TEXT NOT NULL,
    "RegionCount" INTEGER NOT NULL,
    "CoreRegionCount" INTEGER NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_ConnectivityLabelSets_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ControlNormSets" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ControlNormSets" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Pipeline" TEXT NOT NULL,
    "RepetitionTimeSeconds" REAL NOT NULL,
    "OptionsJson" TEXT NOT NULL,
    "LabelSetId" TEXT NOT NULL,
    "SubjectCount" INTEGER NOT NULL,
    "SubjectsJson" TEXT NOT NULL,
    "NormsJson" TEXT NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_ControlNormSets_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ControlNormSets_ConnectivityLabelSets_LabelSetId" FOREIGN KEY ("LabelSetId") REFERENCES "ConnectivityLabelSets" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ConnectivityScans" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ConnectivityScans" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "PatientId" TEXT NOT NULL,
    "TimePoint" TEXT NOT NULL,
    "SessionNumber" INTEGER NULL,
    "ScannedOn" TEXT NOT NULL,
    "RepetitionTimeSeconds" REAL NOT NULL,
    "Pipeline" TEXT NOT NULL,
    "OptionsJson" TEXT NOT NULL,
    "LabelSetId" TEXT NOT NULL,
    "RegionsJson" TEXT NOT NULL,
    "FisherZUpper" BLOB NOT NULL,
    "RegionCount" INTEGER NOT NULL,
    "CoreMeanZ" REAL NULL,
    "WithinDmnMeanZ" REAL NULL,
    "DmnToRestMeanZ" REAL NULL,
    "SummaryJson" TEXT NOT NULL,
    "ExcludedRegionsJson" TEXT NOT NULL,
    "InputTimePoints" INTEGER NOT NULL,
    "TimePointsUsed" INTEGER NOT NULL,
    "SourceFileName" TEXT NULL,
    "UploadedByUserId" TEXT NOT NULL,
    "UploadedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_ConnectivityScans_ConnectivityLabelSets_LabelSetId" FOREIGN KEY ("LabelSetId") REFERENCES "ConnectivityLabelSets" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ConnectivityScans_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_ConnectivityLabelSets_ClinicId_Name" ON "ConnectivityLabelSets" ("ClinicId", "Name");

CREATE INDEX "IX_ConnectivityScans_ClinicId_PatientId_ScannedOn" ON "ConnectivityScans" ("ClinicId", "PatientId", "ScannedOn");

CREATE INDEX "IX_ConnectivityScans_LabelSetId" ON "ConnectivityScans" ("LabelSetId");

CREATE INDEX "IX_ConnectivityScans_PatientId" ON "ConnectivityScans" ("PatientId");

CREATE UNIQUE INDEX "IX_ControlNormSets_ClinicId_Name" ON "ControlNormSets" ("ClinicId", "Name");

CREATE INDEX "IX_ControlNormSets_LabelSetId" ON "ControlNormSets" ("LabelSetId");
