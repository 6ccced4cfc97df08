-- 0004 assessment: intake revisions, eligibility rule sets and sign-offs, consent documents and signatures,
-- treatment plans and their revisions. Written from 'stillpoint db schema-script' (postgres) and reviewed.

CREATE TABLE "ConsentDocument" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Content" text NOT NULL,
    "ContentHash" character varying(64) NOT NULL,
    "CreatedBy" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ConsentDocument" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ConsentDocument_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "EligibilityRuleSetVersion" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Json" text NOT NULL,
    "Note" character varying(500),
    "CreatedBy" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_EligibilityRuleSetVersion" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_EligibilityRuleSetVersion_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ConsentSignature" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "PatientId" uuid NOT NULL,
    "DocumentId" uuid NOT NULL,
    "DocumentNumber" integer NOT NULL,
    "ContentHash" character varying(64) NOT NULL,
    "TypedName" character varying(200) NOT NULL,
    "Method" character varying(16) NOT NULL,
    "RecordedBy" uuid,
    "SignedAt" timestamp with time zone NOT NULL,
    "WithdrawnAt" timestamp with time zone,
    "WithdrawnBy" uuid,
    "WithdrawalReason" character varying(1000),
    "Version" integer NOT NULL,
    CONSTRAINT "PK_ConsentSignature" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ConsentSignature_ConsentDocument_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "ConsentDocument" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ConsentSignature_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "IntakeRevision" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "PatientId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "AnswersJson" text NOT NULL,
    "Reason" character varying(500),
    "RecordedBy" uuid,
    "RecordedByName" character varying(200) NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_IntakeRevision" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_IntakeRevision_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "TreatmentPlan" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "PatientId" uuid NOT NULL,
    "Status" character varying(16) NOT NULL,
    "RevisionNumber" integer NOT NULL,
    "ContentJson" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "ActivatedAt" timestamp with time zone,
    "EndedAt" timestamp with time zone,
    "EndReason" character varying(1000),
    "Version" integer NOT NULL,
    CONSTRAINT "PK_TreatmentPlan" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_TreatmentPlan_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "EligibilitySignOff" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "PatientId" uuid NOT NULL,
    "IntakeRevisionId" uuid NOT NULL,
    "IntakeRevisionNumber" integer NOT NULL,
    "RuleSetVersion" character varying(32) NOT NULL,
    "ComputedStatus" character varying(32) NOT NULL,
    "Eligible" boolean NOT NULL,
    "EvaluationJson" text NOT NULL,
    "JustificationsJson" text NOT NULL,
    "Note" character varying(2000),
    "SignedBy" uuid NOT NULL,
    "SignedByName" character varying(200) NOT NULL,
    "SignedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_EligibilitySignOff" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_EligibilitySignOff_IntakeRevision_IntakeRevisionId" FOREIGN KEY ("IntakeRevisionId") REFERENCES "IntakeRevision" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_EligibilitySignOff_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "TreatmentPlanRevision" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "PatientId" uuid NOT NULL,
    "PlanId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "Change" character varying(16) NOT NULL,
    "Status" character varying(16) NOT NULL,
    "ContentJson" text NOT NULL,
    "Reason" character varying(1000) NOT NULL,
    "ChangedBy" uuid,
    "ChangedByName" character varying(200) NOT NULL,
    "ChangedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_TreatmentPlanRevision" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_TreatmentPlanRevision_TreatmentPlan_PlanId" FOREIGN KEY ("PlanId") REFERENCES "TreatmentPlan" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_ConsentDocument_ClinicId_Number" ON "ConsentDocument" ("ClinicId", "Number");

CREATE INDEX "IX_ConsentSignature_ClinicId" ON "ConsentSignature" ("ClinicId");

CREATE INDEX "IX_ConsentSignature_DocumentId" ON "ConsentSignature" ("DocumentId");

CREATE INDEX "IX_ConsentSignature_PatientId_SignedAt" ON "ConsentSignature" ("PatientId", "SignedAt");

CREATE UNIQUE INDEX "IX_EligibilityRuleSetVersion_ClinicId_Number" ON "EligibilityRuleSetVersion" ("ClinicId", "Number");

CREATE INDEX "IX_EligibilitySignOff_ClinicId" ON "EligibilitySignOff" ("ClinicId");

CREATE INDEX "IX_EligibilitySignOff_IntakeRevisionId" ON "EligibilitySignOff" ("IntakeRevisionId");

CREATE INDEX "IX_EligibilitySignOff_PatientId_SignedAt" ON "EligibilitySignOff" ("PatientId", "SignedAt");

CREATE INDEX "IX_IntakeRevision_ClinicId" ON "IntakeRevision" ("ClinicId");

CREATE UNIQUE INDEX "IX_IntakeRevision_PatientId_Number" ON "IntakeRevision" ("PatientId", "Number");

CREATE INDEX "IX_TreatmentPlan_ClinicId" ON "TreatmentPlan" ("ClinicId");

CREATE INDEX "IX_TreatmentPlan_PatientId_Status" ON "TreatmentPlan" ("PatientId", "Status");

CREATE INDEX "IX_TreatmentPlanRevision_ClinicId" ON "TreatmentPlanRevision" ("ClinicId");

CREATE UNIQUE INDEX "IX_TreatmentPlanRevision_PlanId_Number" ON "TreatmentPlanRevision" ("PlanId", "Number");
