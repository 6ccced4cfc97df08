-- 0001 initial schema: clinics, accounts (Identity), patients, audit chain, data-protection keys.
-- Written from 'stillpoint db schema-script' and reviewed; SchemaDriftTests keep it equal to the EF model.

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AuditEntries" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY,
    "At" INTEGER NOT NULL,
    "ClinicId" TEXT NULL,
    "UserId" TEXT NULL,
    "Role" TEXT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NULL,
    "PatientId" TEXT NULL,
    "RequestId" TEXT NULL,
    "Details" TEXT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL
);

CREATE TABLE "AuditHeads" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditHeads" PRIMARY KEY,
    "Sequence" INTEGER NOT NULL,
    "Hash" TEXT NOT NULL
);

CREATE TABLE "Clinics" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Clinics" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "IsDemo" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "DataProtectionKeys" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NOT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "PatientId" TEXT NULL,
    "IsDemo" INTEGER NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" INTEGER NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_AspNetUsers_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Patients" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Patients" PRIMARY KEY,
    "ClinicId" TEXT NOT NULL,
    "Mrn" TEXT NOT NULL,
    "GivenName" TEXT NOT NULL,
    "FamilyName" TEXT NOT NULL,
    "SearchText" TEXT NOT NULL,
    "DateOfBirth" TEXT NOT NULL,
    "Sex" TEXT NOT NULL,
    "Email" TEXT NULL,
    "Phone" TEXT NULL,
    "WeightKg" REAL NULL,
    "WeightMeasuredOn" TEXT NULL,
    "UserId" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Patients_Clinics_ClinicId" FOREIGN KEY ("ClinicId") REFERENCES "Clinics" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE INDEX "IX_AspNetUsers_ClinicId" ON "AspNetUsers" ("ClinicId");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_AuditEntries_ClinicId_PatientId_Sequence" ON "AuditEntries" ("ClinicId", "PatientId", "Sequence");

CREATE INDEX "IX_AuditEntries_ClinicId_UserId_Sequence" ON "AuditEntries" ("ClinicId", "UserId", "Sequence");

CREATE INDEX "IX_Patients_ClinicId_FamilyName_GivenName" ON "Patients" ("ClinicId", "FamilyName", "GivenName");

CREATE UNIQUE INDEX "IX_Patients_ClinicId_Mrn" ON "Patients" ("ClinicId", "Mrn");

CREATE INDEX "IX_Patients_UserId" ON "Patients" ("UserId");


-- The audit chain starts empty: the head names sequence 0 and the genesis hash.
INSERT INTO "AuditHeads" ("Id", "Sequence", "Hash") VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
