-- 0004 assessment: intake revisions, eligibility rule sets and sign-offs, consent documents and signatures,
-- treatment plans and their revisions. Written from 'stillpoint db schema-script' (sqlite) and reviewed.

CREATE TABLE "ConsentDocument" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ConsentDocument" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "ContentHash" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_ConsentDocument_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "EligibilityRuleSetVersion" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EligibilityRuleSetVersion" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Json" TEXT NOT NULL,
    "Note" TEXT NULL,
    "CreatedBy" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_EligibilityRuleSetVersion_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ConsentSignature" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ConsentSignature" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "PatientId" TEXT NOT NULL,
    "DocumentId" TEXT NOT NULL,
    "DocumentNumber" INTEGER NOT NULL,
    "ContentHash" TEXT NOT NULL,
    "TypedName" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "RecordedBy" TEXT NULL,
    "SignedAt" INTEGER NOT NULL,
    "WithdrawnAt" INTEGER NULL,
    "WithdrawnBy" TEXT NULL,
    "WithdrawalReason" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ConsentSignature_ConsentDocument_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "ConsentDocument" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ConsentSignature_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "IntakeRevision" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_IntakeRevision" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "PatientId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "AnswersJson" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "RecordedBy" TEXT NULL,
    "RecordedByName" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_IntakeRevision_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "TreatmentPlan" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_TreatmentPlan" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "PatientId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "RevisionNumber" INTEGER NOT NULL,
    "ContentJson" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "ActivatedAt" INTEGER NULL,
    "EndedAt" INTEGER NULL,
    "EndReason" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_TreatmentPlan_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "EligibilitySignOff" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EligibilitySignOff" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "PatientId" TEXT NOT NULL,
    "IntakeRevisionId" TEXT NOT NULL,
    "IntakeRevisionNumber" INTEGER NOT NULL,
    "RuleSetVersion" TEXT NOT NULL,
    "ComputedStatus" TEXT NOT NULL,
    "Eligible" INTEGER NOT NULL,
    "EvaluationJson" TEXT NOT NULL,
    "JustificationsJson" TEXT NOT NULL,
    "Note" TEXT NULL,
    "SignedBy" TEXT NOT NULL,
    "SignedByName" TEXT NOT NULL,
    "SignedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_EligibilitySignOff_IntakeRevision_IntakeRevisionId" FOREIGN KEY ("IntakeRevisionId") REFERENCES "IntakeRevision" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_EligibilitySignOff_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "TreatmentPlanRevision" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_TreatmentPlanRevision" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "PatientId" TEXT NOT NULL,
    "PlanId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Change" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ContentJson" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "ChangedBy" TEXT NULL,
    "ChangedByName" TEXT NOT NULL,
    "ChangedAt" INTEGER NOT NULL,
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
