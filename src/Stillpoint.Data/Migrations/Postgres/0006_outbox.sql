-- Issue 6: the delivery outbox (email/SMS senders outside this process read it).
CREATE TABLE "OutboxMessages" (
    "Id" uuid NOT NULL,
    "ClinicId" uuid NOT NULL,
    "PatientId" uuid,
    "RecipientUserId" uuid,
    "RecipientAddress" character varying(320) NOT NULL,
    "Channel" character varying(16) NOT NULL,
    "Kind" character varying(64) NOT NULL,
    "Payload" character varying(4000) NOT NULL,
    "DedupKey" character varying(200) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "SentAt" timestamp with time zone,
    "Attempts" integer NOT NULL,
    CONSTRAINT "PK_OutboxMessages" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_OutboxMessages_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_OutboxMessages_ClinicId_DedupKey" ON "OutboxMessages" ("ClinicId", "DedupKey");
CREATE INDEX "IX_OutboxMessages_SentAt_CreatedAt" ON "OutboxMessages" ("SentAt", "CreatedAt");
