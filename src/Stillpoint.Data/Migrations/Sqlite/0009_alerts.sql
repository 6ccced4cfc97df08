-- Issue 6: care-team alerts, clinic alert/booster settings, booster suggestions.
CREATE TABLE "ClinicAlertSettings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ClinicAlertSettings" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "OverdueThresholdMinutes" INTEGER NOT NULL,
    "MissedSessionGraceMinutes" INTEGER NOT NULL,
    "EscalateAfterMinutes" INTEGER NOT NULL,
    "BoosterResponsePercent" REAL NOT NULL,
    "BoosterThresholdsJson" TEXT NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ClinicAlertSettings_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "BoosterSuggestions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_BoosterSuggestions" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "PatientId" TEXT NOT NULL,
    "EvidenceKey" TEXT NOT NULL,
    "InstrumentId" TEXT NOT NULL,
    "BaselineTotal" REAL NOT NULL,
    "BaselineAt" INTEGER NOT NULL,
    "ResponseTotal" REAL NOT NULL,
    "ResponseAt" INTEGER NOT NULL,
    "BestTotal" REAL NOT NULL,
    "BestAt" INTEGER NOT NULL,
    "LatestTotal" REAL NOT NULL,
    "LatestAt" INTEGER NOT NULL,
    "LatestResponseId" TEXT NOT NULL,
    "RulesJson" TEXT NOT NULL,
    "Explanation" TEXT NOT NULL,
    "SuggestedAt" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "DecidedAt" INTEGER NULL,
    "DecidedBy" TEXT NULL,
    "DecidedByName" TEXT NULL,
    "DecisionReason" TEXT NULL,
    "PlanId" TEXT NULL,
    "PlanRevisionNumber" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_BoosterSuggestions_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_BoosterSuggestions_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CareAlerts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CareAlerts" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "PatientId" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Severity" TEXT NOT NULL,
    "Rank" INTEGER NOT NULL,
    "Explanation" TEXT NOT NULL,
    "SourceType" TEXT NOT NULL,
    "SourceRef" TEXT NOT NULL,
    "InstrumentId" TEXT NULL,
    "RaisedAt" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "AcknowledgedAt" INTEGER NULL,
    "AcknowledgedBy" TEXT NULL,
    "AcknowledgedByName" TEXT NULL,
    "AcknowledgeNote" TEXT NULL,
    "ResolvedAt" INTEGER NULL,
    "ResolvedBy" TEXT NULL,
    "ResolvedByName" TEXT NULL,
    "ResolutionNote" TEXT NULL,
    "EscalatedAt" INTEGER NULL,
    "EscalatedTo" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_CareAlerts_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CareAlerts_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_BoosterSuggestions_ClinicId_EvidenceKey" ON "BoosterSuggestions" ("ClinicId", "EvidenceKey");
CREATE INDEX "IX_BoosterSuggestions_ClinicId_PatientId_State" ON "BoosterSuggestions" ("ClinicId", "PatientId", "State");
CREATE INDEX "IX_BoosterSuggestions_PatientId" ON "BoosterSuggestions" ("PatientId");
CREATE UNIQUE INDEX "IX_CareAlerts_ClinicId_Key" ON "CareAlerts" ("ClinicId", "Key");
CREATE INDEX "IX_CareAlerts_ClinicId_PatientId" ON "CareAlerts" ("ClinicId", "PatientId");
CREATE INDEX "IX_CareAlerts_ClinicId_State_Rank_RaisedAt" ON "CareAlerts" ("ClinicId", "State", "Rank", "RaisedAt");
CREATE INDEX "IX_CareAlerts_PatientId" ON "CareAlerts" ("PatientId");
CREATE UNIQUE INDEX "IX_ClinicAlertSettings_ClinicId" ON "ClinicAlertSettings" ("ClinicId");
