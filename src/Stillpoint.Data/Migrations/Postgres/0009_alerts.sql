-- Issue 6: care-team alerts, clinic alert/booster settings, booster suggestions.
CREATE TABLE "ClinicAlertSettings" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "OverdueThresholdMinutes" integer NOT NULL,
    "MissedSessionGraceMinutes" integer NOT NULL,
    "EscalateAfterMinutes" integer NOT NULL,
    "BoosterResponsePercent" numeric(5,2) NOT NULL,
    "BoosterThresholdsJson" character varying(2000) NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "UpdatedBy" uuid,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_ClinicAlertSettings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ClinicAlertSettings_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "BoosterSuggestions" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "PatientId" uuid NOT NULL,
    "EvidenceKey" character varying(200) NOT NULL,
    "InstrumentId" character varying(64) NOT NULL,
    "BaselineTotal" numeric(9,3) NOT NULL,
    "BaselineAt" timestamp with time zone NOT NULL,
    "ResponseTotal" numeric(9,3) NOT NULL,
    "ResponseAt" timestamp with time zone NOT NULL,
    "BestTotal" numeric(9,3) NOT NULL,
    "BestAt" timestamp with time zone NOT NULL,
    "LatestTotal" numeric(9,3) NOT NULL,
    "LatestAt" timestamp with time zone NOT NULL,
    "LatestResponseId" uuid NOT NULL,
    "RulesJson" character varying(4000) NOT NULL,
    "Explanation" character varying(4000) NOT NULL,
    "SuggestedAt" timestamp with time zone NOT NULL,
    "State" character varying(16) NOT NULL,
    "DecidedAt" timestamp with time zone,
    "DecidedBy" uuid,
    "DecidedByName" character varying(200),
    "DecisionReason" character varying(1000),
    "PlanId" uuid,
    "PlanRevisionNumber" integer,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_BoosterSuggestions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_BoosterSuggestions_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_BoosterSuggestions_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CareAlerts" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "PatientId" uuid NOT NULL,
    "Key" character varying(200) NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "Severity" character varying(16) NOT NULL,
    "Rank" integer NOT NULL,
    "Explanation" character varying(2000) NOT NULL,
    "SourceType" character varying(16) NOT NULL,
    "SourceRef" character varying(200) NOT NULL,
    "InstrumentId" character varying(64),
    "RaisedAt" timestamp with time zone NOT NULL,
    "State" character varying(16) NOT NULL,
    "AcknowledgedAt" timestamp with time zone,
    "AcknowledgedBy" uuid,
    "AcknowledgedByName" character varying(200),
    "AcknowledgeNote" character varying(1000),
    "ResolvedAt" timestamp with time zone,
    "ResolvedBy" uuid,
    "ResolvedByName" character varying(200),
    "ResolutionNote" character varying(1000),
    "EscalatedAt" timestamp with time zone,
    "EscalatedTo" character varying(200),
    "Version" integer NOT NULL,
    CONSTRAINT "PK_CareAlerts" PRIMARY KEY ("Id"),
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
