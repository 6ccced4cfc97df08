-- Issue 6: the delivery outbox (email/SMS senders outside this process read it).
CREATE TABLE "OutboxMessages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "PatientId" TEXT NULL,
    "RecipientUserId" TEXT NULL,
    "RecipientAddress" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "DedupKey" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "SentAt" INTEGER NULL,
    "Attempts" INTEGER NOT NULL,
    CONSTRAINT "FK_OutboxMessages_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_OutboxMessages_ClinicId_DedupKey" ON "OutboxMessages" ("ClinicId", "DedupKey");
CREATE INDEX "IX_OutboxMessages_SentAt_CreatedAt" ON "OutboxMessages" ("SentAt", "CreatedAt");
