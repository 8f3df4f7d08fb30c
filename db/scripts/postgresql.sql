CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL,
    CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId")
);

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "AspNetRoles" (
        "Id" uuid NOT NULL,
        "Name" character varying(256),
        "NormalizedName" character varying(256),
        "ConcurrencyStamp" text,
        CONSTRAINT "PK_AspNetRoles" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "AspNetUsers" (
        "Id" uuid NOT NULL,
        "DisplayName" character varying(100) NOT NULL,
        "PrimarySiteId" uuid NOT NULL,
        "IsActive" boolean NOT NULL,
        "MustChangePassword" boolean NOT NULL,
        "TextApprovals" boolean NOT NULL,
        "CreatedAt" timestamp with time zone NOT NULL,
        "Version" bigint NOT NULL,
        "UserName" character varying(256),
        "NormalizedUserName" character varying(256),
        "Email" character varying(256),
        "NormalizedEmail" character varying(256),
        "EmailConfirmed" boolean NOT NULL,
        "PasswordHash" text,
        "SecurityStamp" text,
        "ConcurrencyStamp" text,
        "PhoneNumber" text,
        "PhoneNumberConfirmed" boolean NOT NULL,
        "TwoFactorEnabled" boolean NOT NULL,
        "LockoutEnd" timestamp with time zone,
        "LockoutEnabled" boolean NOT NULL,
        "AccessFailedCount" integer NOT NULL,
        CONSTRAINT "PK_AspNetUsers" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "IdempotencyRecords" (
        "Id" uuid NOT NULL,
        "Scope" character varying(64) NOT NULL,
        "Key" character varying(100) NOT NULL,
        "RequestHash" character varying(64) NOT NULL,
        "StatusCode" integer NOT NULL,
        "ContentType" character varying(100),
        "Location" character varying(500),
        "ETag" character varying(100),
        "Body" bytea NOT NULL,
        "CreatedAt" timestamp with time zone NOT NULL,
        CONSTRAINT "PK_IdempotencyRecords" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "InboundMessages" (
        "Id" uuid NOT NULL,
        "ProviderMessageId" character varying(64) NOT NULL,
        "From" character varying(32) NOT NULL,
        "ReceivedAt" timestamp with time zone NOT NULL,
        CONSTRAINT "PK_InboundMessages" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "PhoneConsents" (
        "Id" uuid NOT NULL,
        "PhoneNumber" character varying(16) NOT NULL,
        "OptedOut" boolean NOT NULL,
        "ChangedAt" timestamp with time zone NOT NULL,
        "Source" character varying(200) NOT NULL,
        CONSTRAINT "PK_PhoneConsents" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "ServiceOperations" (
        "Id" uuid NOT NULL,
        "Code" character varying(20) NOT NULL,
        "Description" character varying(200) NOT NULL,
        "LabourMinutes" integer NOT NULL,
        "Version" bigint NOT NULL,
        CONSTRAINT "PK_ServiceOperations" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "Sites" (
        "Id" uuid NOT NULL,
        "Code" character varying(10) NOT NULL,
        "Name" character varying(100) NOT NULL,
        "TimeZoneId" character varying(64) NOT NULL,
        "Currency" character(3) NOT NULL,
        "DistanceUnit" character varying(12) NOT NULL,
        "DefaultPhoneRegion" character varying(2) NOT NULL,
        "Languages" character varying(40) NOT NULL,
        "DeliveryBays" integer NOT NULL,
        "CollectionMinutes" integer NOT NULL,
        "WorkshopMinutesPerDay" integer NOT NULL,
        "AdvisorMinutesPerDay" integer NOT NULL,
        "ServiceSlotMinutes" integer NOT NULL,
        "LabourRatePerHour" bigint NOT NULL,
        "QuietHoursStart" time without time zone NOT NULL DEFAULT TIME '20:00:00',
        "QuietHoursEnd" time without time zone NOT NULL DEFAULT TIME '08:00:00',
        "SalesTaxBasisPoints" integer NOT NULL,
        "TradeInReducesTax" boolean NOT NULL,
        "LienholderNoticeDays" integer NOT NULL,
        "PayoffDays" integer NOT NULL,
        "CancellationWindowDays" integer NOT NULL,
        "AcceptedPaymentMethods" character varying(200) NOT NULL DEFAULT 'Cash,Card,Check,CompanyCheck,BankTransfer,LenderFunding,CashiersCheck',
        "CashLimit" bigint NOT NULL DEFAULT 1000000,
        "CheckClearanceDays" integer NOT NULL DEFAULT 5,
        "PublicPhone" character varying(30),
        "PublicEmail" character varying(254),
        "Address" character varying(200),
        "Version" bigint NOT NULL,
        CONSTRAINT "PK_Sites" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "StaffTexts" (
        "Id" uuid NOT NULL,
        "StaffId" uuid NOT NULL,
        "To" character varying(16) NOT NULL,
        "Body" character varying(300) NOT NULL,
        "DeduplicationKey" character varying(120) NOT NULL,
        "CreatedAt" timestamp with time zone NOT NULL,
        "SentAt" timestamp with time zone,
        "Attempts" integer NOT NULL,
        "LastError" character varying(500),
        "Dead" boolean NOT NULL,
        "ProviderMessageId" character varying(64),
        CONSTRAINT "PK_StaffTexts" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "Suppliers" (
        "Id" uuid NOT NULL,
        "Name" character varying(120) NOT NULL,
        "OrderEmail" character varying(254) NOT NULL,
        "AutoSend" boolean NOT NULL,
        "Version" bigint NOT NULL,
        CONSTRAINT "PK_Suppliers" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "Tasks" (
        "Id" uuid NOT NULL,
        "SiteId" uuid NOT NULL,
        "OwnerStaffId" uuid,
        "Title" character varying(200) NOT NULL,
        "Detail" character varying(2000) NOT NULL,
        "DueAt" timestamp with time zone NOT NULL,
        "SubjectType" character varying(30),
        "SubjectId" uuid,
        "CustomerIds" character varying(1000) NOT NULL,
        "Status" character varying(10) NOT NULL,
        "DeduplicationKey" character varying(200),
        "CreatedAt" timestamp with time zone NOT NULL,
        "DoneAt" timestamp with time zone,
        "DoneBy" uuid,
        "Version" bigint NOT NULL,
        CONSTRAINT "PK_Tasks" PRIMARY KEY ("Id")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "AspNetRoleClaims" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "RoleId" uuid NOT NULL,
        "ClaimType" text,
        "ClaimValue" text,
        CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "AspNetUserClaims" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "UserId" uuid NOT NULL,
        "ClaimType" text,
        "ClaimValue" text,
        CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "AspNetUserLogins" (
        "LoginProvider" text NOT NULL,
        "ProviderKey" text NOT NULL,
        "ProviderDisplayName" text,
        "UserId" uuid NOT NULL,
        CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
        CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "AspNetUserRoles" (
        "UserId" uuid NOT NULL,
        "RoleId" uuid NOT NULL,
        CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
        CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
        CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "AspNetUserTokens" (
        "UserId" uuid NOT NULL,
        "LoginProvider" text NOT NULL,
        "Name" text NOT NULL,
        "Value" text,
        CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
        CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "StaffAvailability" (
        "Id" uuid NOT NULL,
        "StaffId" uuid NOT NULL,
        CONSTRAINT "PK_StaffAvailability" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_StaffAvailability_AspNetUsers_StaffId" FOREIGN KEY ("StaffId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "ServiceOperationParts" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "PartNumber" character varying(40) NOT NULL,
        "Quantity" integer NOT NULL,
        "OperationId" uuid NOT NULL,
        CONSTRAINT "PK_ServiceOperationParts" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_ServiceOperationParts_ServiceOperations_OperationId" FOREIGN KEY ("OperationId") REFERENCES "ServiceOperations" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "Customers" (
        "Id" uuid NOT NULL,
        "FirstName" character varying(100) NOT NULL,
        "LastName" character varying(100) NOT NULL,
        "FirstNameKey" character varying(100) NOT NULL,
        "LastNameKey" character varying(100) NOT NULL,
        "Email" character varying(254),
        "EmailKey" character varying(254),
        "MobilePhone" character varying(16),
        "PreferredChannel" character varying(10) NOT NULL,
        "Language" character varying(8) NOT NULL,
        "TimeZoneId" character varying(64) NOT NULL,
        "QuietHoursStart" time without time zone,
        "QuietHoursEnd" time without time zone,
        "SmsConsent" boolean NOT NULL,
        "SmsConsentChangedAt" timestamp with time zone,
        "SmsConsentSource" character varying(200),
        "EmailConsent" boolean NOT NULL,
        "EmailConsentChangedAt" timestamp with time zone,
        "EmailConsentSource" character varying(200),
        "OwnerStaffId" uuid,
        "RegisteredAtSiteId" uuid NOT NULL,
        "SharedContactConfirmedBy" uuid,
        "SharedContactConfirmedAt" timestamp with time zone,
        "SharedContactNote" character varying(500),
        "CreatedAt" timestamp with time zone NOT NULL,
        "UpdatedAt" timestamp with time zone NOT NULL,
        "Version" bigint NOT NULL,
        CONSTRAINT "PK_Customers" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_Customers_AspNetUsers_OwnerStaffId" FOREIGN KEY ("OwnerStaffId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_Customers_Sites_RegisteredAtSiteId" FOREIGN KEY ("RegisteredAtSiteId") REFERENCES "Sites" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "DiscretionPolicies" (
        "Id" uuid NOT NULL,
        "SiteId" uuid NOT NULL,
        "Role" character varying(30) NOT NULL,
        "Action" character varying(16) NOT NULL,
        "Allowed" boolean NOT NULL,
        "Limit" bigint,
        "Version" bigint NOT NULL,
        CONSTRAINT "PK_DiscretionPolicies" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_DiscretionPolicies_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "Parts" (
        "Id" uuid NOT NULL,
        "SiteId" uuid NOT NULL,
        "PartNumber" character varying(40) NOT NULL,
        "Description" character varying(200) NOT NULL,
        "OnHand" integer NOT NULL,
        "Reserved" integer NOT NULL,
        "SellPriceAmount" bigint NOT NULL,
        "Currency" character(3) NOT NULL,
        "Version" bigint NOT NULL,
        CONSTRAINT "PK_Parts" PRIMARY KEY ("Id"),
        CONSTRAINT "CK_Parts_Stock" CHECK ("OnHand" >= 0 AND "Reserved" >= 0 AND "Reserved" <= "OnHand"),
        CONSTRAINT "FK_Parts_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "SiteOpeningHours" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "Day" character varying(10) NOT NULL,
        "Opens" time without time zone NOT NULL,
        "Closes" time without time zone NOT NULL,
        "SiteId" uuid NOT NULL,
        CONSTRAINT "PK_SiteOpeningHours" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_SiteOpeningHours_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "StaffSites" (
        "StaffUserId" uuid NOT NULL,
        "SiteId" uuid NOT NULL,
        CONSTRAINT "PK_StaffSites" PRIMARY KEY ("StaffUserId", "SiteId"),
        CONSTRAINT "FK_StaffSites_AspNetUsers_StaffUserId" FOREIGN KEY ("StaffUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
        CONSTRAINT "FK_StaffSites_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "TemplateVersions" (
        "Id" uuid NOT NULL,
        "SiteId" uuid NOT NULL,
        "Key" character varying(60) NOT NULL,
        "Channel" character varying(10) NOT NULL,
        "Language" character varying(5) NOT NULL,
        "Number" integer NOT NULL,
        "Subject" character varying(4000),
        "Body" character varying(4000),
        "Note" character varying(500) NOT NULL,
        "CreatedBy" uuid,
        "CreatedAt" timestamp with time zone NOT NULL,
        CONSTRAINT "PK_TemplateVersions" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_TemplateVersions_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "WorkshopDays" (
        "Id" uuid NOT NULL,
        "SiteId" uuid NOT NULL,
        "Date" date NOT NULL,
        "BookedMinutes" integer NOT NULL,
        "Version" bigint NOT NULL,
        CONSTRAINT "PK_WorkshopDays" PRIMARY KEY ("Id"),
        CONSTRAINT "CK_WorkshopDays_Booked" CHECK ("BookedMinutes" >= 0),
        CONSTRAINT "FK_WorkshopDays_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "PartsOrders" (
        "Id" uuid NOT NULL,
        "SiteId" uuid NOT NULL,
        "SupplierId" uuid NOT NULL,
        "Reference" character varying(40) NOT NULL,
        "Status" character varying(12) NOT NULL,
        "CreatedAt" timestamp with time zone NOT NULL,
        "CreatedBy" uuid,
        "SentAt" timestamp with time zone,
        "SentBy" uuid,
        "ExpectedEta" date NOT NULL,
        "ConfirmedEta" date,
        "ConfirmedAt" timestamp with time zone,
        "ReceivedAt" timestamp with time zone,
        "Version" bigint NOT NULL,
        CONSTRAINT "PK_PartsOrders" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_PartsOrders_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_PartsOrders_Suppliers_SupplierId" FOREIGN KEY ("SupplierId") REFERENCES "Suppliers" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "StaffBlockedTime" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "From" timestamp with time zone NOT NULL,
        "Until" timestamp with time zone NOT NULL,
        "Reason" character varying(200),
        "StaffAvailabilityId" uuid NOT NULL,
        CONSTRAINT "PK_StaffBlockedTime" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_StaffBlockedTime_StaffAvailability_StaffAvailabilityId" FOREIGN KEY ("StaffAvailabilityId") REFERENCES "StaffAvailability" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "StaffWorkingHours" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "Day" character varying(10) NOT NULL,
        "Starts" time without time zone NOT NULL,
        "Ends" time without time zone NOT NULL,
        "StaffAvailabilityId" uuid NOT NULL,
        CONSTRAINT "PK_StaffWorkingHours" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_StaffWorkingHours_StaffAvailability_StaffAvailabilityId" FOREIGN KEY ("StaffAvailabilityId") REFERENCES "StaffAvailability" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "Custody" (
        "Id" uuid NOT NULL,
        "SiteId" uuid NOT NULL,
        "CustomerId" uuid NOT NULL,
        "Item" character varying(16) NOT NULL,
        "Description" character varying(200) NOT NULL,
        "Count" integer NOT NULL,
        "SubjectType" character varying(20) NOT NULL,
        "SubjectId" uuid NOT NULL,
        "HolderStaffId" uuid NOT NULL,
        "Since" timestamp with time zone NOT NULL,
        "ReleasedAt" timestamp with time zone,
        "ReleasedTo" character varying(100),
        "ReleasedBy" uuid,
        "Version" bigint NOT NULL,
        CONSTRAINT "PK_Custody" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_Custody_AspNetUsers_HolderStaffId" FOREIGN KEY ("HolderStaffId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_Custody_Customers_CustomerId" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_Custody_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "Decisions" (
        "Id" uuid NOT NULL,
        "SiteId" uuid NOT NULL,
        "StaffId" uuid NOT NULL,
        "Action" character varying(16) NOT NULL,
        "Amount" bigint,
        "Currency" character(3),
        "CustomerId" uuid NOT NULL,
        "SubjectType" character varying(20) NOT NULL,
        "SubjectId" uuid NOT NULL,
        "PaymentId" uuid,
        "ExtendTo" date,
        "Reason" character varying(500) NOT NULL,
        "Why" character varying(16) NOT NULL,
        "Status" character varying(18) NOT NULL,
        "DecidedBy" uuid,
        "DecidedAt" timestamp with time zone,
        "CreatedAt" timestamp with time zone NOT NULL,
        "Outcome" character varying(14) NOT NULL,
        "OutcomeNote" character varying(500),
        "AnswerNote" text,
        "Version" bigint NOT NULL,
        CONSTRAINT "PK_Decisions" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_Decisions_Customers_CustomerId" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "Notifications" (
        "Id" uuid NOT NULL,
        "CustomerId" uuid NOT NULL,
        "SiteId" uuid,
        "Channel" character varying(10) NOT NULL,
        "TemplateKey" character varying(60) NOT NULL,
        "Language" character varying(8) NOT NULL,
        "DeduplicationKey" character varying(200) NOT NULL,
        "Recipient" character varying(254),
        "TemplateData" text NOT NULL,
        "Proactive" boolean NOT NULL,
        "Urgent" boolean NOT NULL,
        "Status" character varying(12) NOT NULL,
        "SuppressionReason" character varying(20),
        "DueAt" timestamp with time zone NOT NULL,
        "Attempts" integer NOT NULL,
        "LastError" character varying(500),
        "ClaimedAt" timestamp with time zone,
        "LeaseUntil" timestamp with time zone,
        "LinkTokenHash" character varying(64),
        "Subject" character varying(200),
        "Body" text,
        "ProviderMessageId" character varying(64),
        "CreatedAt" timestamp with time zone NOT NULL,
        "SentAt" timestamp with time zone,
        "DeliveredAt" timestamp with time zone,
        "Version" bigint NOT NULL,
        CONSTRAINT "PK_Notifications" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_Notifications_Customers_CustomerId" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "Orders" (
        "Id" uuid NOT NULL,
        "SiteId" uuid NOT NULL,
        "CustomerId" uuid NOT NULL,
        "OwnerStaffId" uuid NOT NULL,
        "Currency" character(3) NOT NULL,
        "PriceAmount" bigint NOT NULL,
        "FeesAmount" bigint NOT NULL,
        "Status" character varying(24) NOT NULL,
        "CancelledAt" timestamp with time zone,
        "CancellationReason" character varying(500),
        "CreatedAt" timestamp with time zone NOT NULL,
        "UpdatedAt" timestamp with time zone NOT NULL,
        "NewCarKeysHandedOver" integer,
        "PayoutReference" character varying(100),
        "TaxBasisPointsAtDelivery" integer,
        "TradeInReducedTaxAtDelivery" boolean,
        "PayoutAmount" bigint,
        "CancellableUntil" date,
        "RescindedAt" timestamp with time zone,
        "ProposedCollectionTimes" timestamp with time zone[] NOT NULL,
        "KeysHandedOverBy" uuid,
        "VehicleColor" character varying(30),
        "VehicleMake" character varying(50) NOT NULL,
        "VehicleModel" character varying(50) NOT NULL,
        "VehicleOptions" character varying(500),
        "VehicleTrim" character varying(50),
        "VehicleVin" character varying(17),
        "VehicleYear" integer NOT NULL,
        "Version" bigint NOT NULL,
        CONSTRAINT "PK_Orders" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_Orders_AspNetUsers_KeysHandedOverBy" FOREIGN KEY ("KeysHandedOverBy") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_Orders_AspNetUsers_OwnerStaffId" FOREIGN KEY ("OwnerStaffId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_Orders_Customers_CustomerId" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_Orders_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "Promises" (
        "Id" uuid NOT NULL,
        "SiteId" uuid NOT NULL,
        "CustomerId" uuid NOT NULL,
        "OwnerStaffId" uuid NOT NULL,
        "Description" character varying(300) NOT NULL,
        "DueAt" timestamp with time zone NOT NULL,
        "Kind" character varying(12) NOT NULL,
        "SubjectType" character varying(30),
        "SubjectId" uuid,
        "Milestone" character varying(30),
        "State" character varying(14) NOT NULL,
        "CreatedAt" timestamp with time zone NOT NULL,
        "ResolvedAt" timestamp with time zone,
        "ResolutionNote" character varying(500),
        "Version" bigint NOT NULL,
        CONSTRAINT "PK_Promises" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_Promises_Customers_CustomerId" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "Touchpoints" (
        "Id" uuid NOT NULL,
        "CustomerId" uuid NOT NULL,
        "SiteId" uuid,
        "OccurredAt" timestamp with time zone NOT NULL,
        "Kind" character varying(30) NOT NULL,
        "Direction" character varying(10) NOT NULL,
        "Actor" character varying(10) NOT NULL,
        "Proactive" boolean NOT NULL,
        "Summary" character varying(500) NOT NULL,
        "StaffId" uuid,
        "SubjectType" character varying(30),
        "SubjectId" uuid,
        CONSTRAINT "PK_Touchpoints" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_Touchpoints_Customers_CustomerId" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "TrackingLinks" (
        "Id" uuid NOT NULL,
        "CustomerId" uuid NOT NULL,
        "NotificationId" uuid,
        "TokenHash" character varying(64) NOT NULL,
        "CreatedAt" timestamp with time zone NOT NULL,
        "ExpiresAt" timestamp with time zone NOT NULL,
        "RevokedAt" timestamp with time zone,
        CONSTRAINT "PK_TrackingLinks" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_TrackingLinks_Customers_CustomerId" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "Vehicles" (
        "Id" uuid NOT NULL,
        "CustomerId" uuid NOT NULL,
        "Vin" character(17) NOT NULL,
        "Year" integer NOT NULL,
        "Make" character varying(50) NOT NULL,
        "Model" character varying(50) NOT NULL,
        "Trim" character varying(50),
        "Color" character varying(30),
        "Odometer" integer,
        "AddedAt" timestamp with time zone NOT NULL,
        CONSTRAINT "PK_Vehicles" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_Vehicles_Customers_CustomerId" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "PolicyChanges" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "WasAllowed" boolean NOT NULL,
        "WasLimit" bigint,
        "Allowed" boolean NOT NULL,
        "Limit" bigint,
        "Reason" character varying(300) NOT NULL,
        "ChangedBy" uuid NOT NULL,
        "ChangedAt" timestamp with time zone NOT NULL,
        "PolicyId" uuid NOT NULL,
        CONSTRAINT "PK_PolicyChanges" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_PolicyChanges_DiscretionPolicies_PolicyId" FOREIGN KEY ("PolicyId") REFERENCES "DiscretionPolicies" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "PartSuppliers" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "SupplierId" uuid NOT NULL,
        "LeadTimeWorkingDays" integer NOT NULL,
        "CostAmount" bigint NOT NULL,
        "PartId" uuid NOT NULL,
        CONSTRAINT "PK_PartSuppliers" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_PartSuppliers_Parts_PartId" FOREIGN KEY ("PartId") REFERENCES "Parts" ("Id") ON DELETE CASCADE,
        CONSTRAINT "FK_PartSuppliers_Suppliers_SupplierId" FOREIGN KEY ("SupplierId") REFERENCES "Suppliers" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "PartsOrderLines" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "PartId" uuid NOT NULL,
        "PartNumber" character varying(40) NOT NULL,
        "Description" character varying(200) NOT NULL,
        "Quantity" integer NOT NULL,
        "UnitCost" bigint NOT NULL,
        "ReceivedQuantity" integer NOT NULL,
        "LeadTimeWorkingDays" integer NOT NULL,
        "PartsOrderId" uuid NOT NULL,
        CONSTRAINT "PK_PartsOrderLines" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_PartsOrderLines_PartsOrders_PartsOrderId" FOREIGN KEY ("PartsOrderId") REFERENCES "PartsOrders" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "SupplierEmails" (
        "Id" uuid NOT NULL,
        "PartsOrderId" uuid NOT NULL,
        "To" character varying(254) NOT NULL,
        "ToName" character varying(120) NOT NULL,
        "Subject" character varying(200) NOT NULL,
        "Body" text NOT NULL,
        "Status" character varying(10) NOT NULL,
        "CreatedAt" timestamp with time zone NOT NULL,
        "DueAt" timestamp with time zone NOT NULL,
        "Attempts" integer NOT NULL,
        "SentAt" timestamp with time zone,
        "LastError" character varying(500),
        "Version" bigint NOT NULL,
        CONSTRAINT "PK_SupplierEmails" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_SupplierEmails_PartsOrders_PartsOrderId" FOREIGN KEY ("PartsOrderId") REFERENCES "PartsOrders" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "CollectionBookings" (
        "Id" uuid NOT NULL,
        "OrderId" uuid NOT NULL,
        "SiteId" uuid NOT NULL,
        "OwnerStaffId" uuid NOT NULL,
        "Bay" integer NOT NULL,
        "StartsAt" timestamp with time zone NOT NULL,
        "EndsAt" timestamp with time zone NOT NULL,
        "ChosenByCustomer" boolean NOT NULL,
        "StatedVia" character varying(20) NOT NULL DEFAULT 'TrackingPage',
        "RecordedBy" uuid,
        "BookedAt" timestamp with time zone NOT NULL,
        CONSTRAINT "PK_CollectionBookings" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_CollectionBookings_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "OrderChecklist" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "Item" character varying(30) NOT NULL,
        "DoneAt" timestamp with time zone,
        "DoneBy" uuid,
        "OrderId" uuid NOT NULL,
        CONSTRAINT "PK_OrderChecklist" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_OrderChecklist_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "OrderConcessions" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "DecisionId" uuid NOT NULL,
        "Kind" character varying(24) NOT NULL,
        "Amount" bigint NOT NULL,
        "Reason" character varying(500) NOT NULL,
        "GrantedAt" timestamp with time zone NOT NULL,
        "OrderId" uuid NOT NULL,
        CONSTRAINT "PK_OrderConcessions" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_OrderConcessions_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "OrderFees" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "Kind" character varying(24) NOT NULL,
        "Amount" bigint NOT NULL,
        "OrderId" uuid NOT NULL,
        CONSTRAINT "PK_OrderFees" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_OrderFees_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "OrderMilestones" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "Milestone" character varying(24) NOT NULL,
        "PromisedDate" date,
        "ReachedAt" timestamp with time zone,
        "LastChangeReason" character varying(500),
        "LastChangedAt" timestamp with time zone,
        "OrderId" uuid NOT NULL,
        CONSTRAINT "PK_OrderMilestones" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_OrderMilestones_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "Payments" (
        "Id" uuid NOT NULL,
        "OrderId" uuid NOT NULL,
        "Method" character varying(20) NOT NULL,
        "Amount" bigint NOT NULL,
        "Currency" character(3) NOT NULL,
        "Reference" character varying(100),
        "Status" character varying(12) NOT NULL,
        "ReceivedBy" uuid NOT NULL,
        "ReceivedAt" timestamp with time zone NOT NULL,
        "VerifiedAt" timestamp with time zone,
        "VerifiedBy" uuid,
        "VerificationNote" character varying(300),
        "SettledAt" timestamp with time zone,
        "SettledBy" uuid,
        "SettlementNote" character varying(300),
        "AcceptedOnRisk" boolean NOT NULL,
        CONSTRAINT "PK_Payments" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_Payments_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "TradeIns" (
        "Id" uuid NOT NULL,
        "SiteId" uuid NOT NULL,
        "CustomerId" uuid NOT NULL,
        "OrderId" uuid,
        "RequestedBy" uuid NOT NULL,
        "RequestedAt" timestamp with time zone NOT NULL,
        "UpdatedAt" timestamp with time zone NOT NULL,
        "DeclaredMileage" integer NOT NULL,
        "Currency" character(3) NOT NULL,
        "Status" character varying(24) NOT NULL,
        "LiveVin" character varying(17),
        "LiveOrderId" uuid,
        "PayoutAmount" bigint,
        "LenderName" character varying(100),
        "LenderAccount" character varying(60),
        "PayoffAmount" bigint NOT NULL,
        "PayoffPerDiem" bigint NOT NULL,
        "PayoffGoodUntil" date,
        "PayoffInDeal" bigint,
        "MarketValue" bigint,
        "MarketSource" character varying(200),
        "TargetMargin" bigint,
        "SuggestedOffer" bigint,
        "FinalOffer" bigint,
        "OverrideReason" character varying(500),
        "ValidUntil" date,
        "MileageTolerance" integer NOT NULL,
        "Hold" character varying(10) NOT NULL,
        "RecheckBandPercent" integer NOT NULL,
        "AppraisedBy" uuid,
        "AppraisedAt" timestamp with time zone,
        "Appraisals" integer NOT NULL,
        "OfferViewedAt" timestamp with time zone,
        "AnsweredAt" timestamp with time zone,
        "AnsweredVia" character varying(20),
        "AnswerRecordedBy" uuid,
        "ReappraisalNote" character varying(500),
        "ReceivedAt" timestamp with time zone,
        "ReceivedBy" uuid,
        "HandoverMileage" integer,
        "KeysReceived" integer,
        "TitleReceived" boolean NOT NULL,
        "CreditedAt" timestamp with time zone,
        "Allowance" bigint,
        "PayoutReference" character varying(100),
        "LienholderNoticeDueBy" date,
        "LienholderNotifiedAt" timestamp with time zone,
        "PayoffDueBy" date,
        "PayoffSentAt" timestamp with time zone,
        "PayoffSentAmount" bigint,
        "PayoffReference" character varying(100),
        "DealerInterest" bigint NOT NULL,
        "PayoffConfirmedAt" timestamp with time zone,
        "PayoffRefundDue" bigint NOT NULL,
        "CancellableUntil" date,
        "PayoffToRecover" bigint,
        "SoldAt" timestamp with time zone,
        "SoldAs" character varying(10),
        "ReturnedAt" timestamp with time zone,
        "CancellationRefund" bigint,
        "AccidentHistory" boolean NOT NULL,
        "DeclaredKeys" integer NOT NULL,
        "RepairsOver500" boolean NOT NULL,
        "SmokeOrLeaks" boolean NOT NULL,
        "Title" character varying(12) NOT NULL,
        "WarningLights" boolean NOT NULL,
        "Make" character varying(50) NOT NULL,
        "Model" character varying(50) NOT NULL,
        "Trim" character varying(50),
        "Vin" character varying(17) NOT NULL,
        "Year" integer NOT NULL,
        "Version" bigint NOT NULL,
        CONSTRAINT "PK_TradeIns" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_TradeIns_AspNetUsers_RequestedBy" FOREIGN KEY ("RequestedBy") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_TradeIns_Customers_CustomerId" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_TradeIns_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_TradeIns_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "ServiceAppointments" (
        "Id" uuid NOT NULL,
        "SiteId" uuid NOT NULL,
        "CustomerId" uuid NOT NULL,
        "VehicleId" uuid NOT NULL,
        "AdvisorStaffId" uuid NOT NULL,
        "Concern" character varying(1000) NOT NULL,
        "StartsAt" timestamp with time zone NOT NULL,
        "Date" date NOT NULL,
        "WalkIn" boolean NOT NULL,
        "LabourMinutes" integer NOT NULL,
        "Status" character varying(12) NOT NULL,
        "Readiness" character varying(10) NOT NULL,
        "WaitedForParts" boolean NOT NULL,
        "AtRiskSince" timestamp with time zone,
        "ConfirmedAt" timestamp with time zone,
        "CreatedAt" timestamp with time zone NOT NULL,
        "CreatedBy" uuid NOT NULL,
        "BookedByCustomer" boolean NOT NULL,
        "LastChangeReason" character varying(500),
        "Mileage" integer,
        "ConcernConfirmed" character varying(1000),
        "UpdatesContact" character varying(254),
        "PromisedReadyAt" timestamp with time zone,
        "CheckedInAt" timestamp with time zone,
        "PartsAtCheckIn" character varying(10),
        "CheckedInBy" uuid,
        "WorkStartedAt" timestamp with time zone,
        "InspectedAt" timestamp with time zone,
        "InspectedBy" uuid,
        "ReadyAt" timestamp with time zone,
        "CollectedAt" timestamp with time zone,
        "CollectedBy" uuid,
        "NoShowAt" timestamp with time zone,
        "PaidAmount" bigint,
        "PaymentMethod" character varying(20),
        "PaymentReference" character varying(100),
        "Version" bigint NOT NULL,
        CONSTRAINT "PK_ServiceAppointments" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_ServiceAppointments_AspNetUsers_AdvisorStaffId" FOREIGN KEY ("AdvisorStaffId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_ServiceAppointments_Customers_CustomerId" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_ServiceAppointments_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_ServiceAppointments_Vehicles_VehicleId" FOREIGN KEY ("VehicleId") REFERENCES "Vehicles" ("Id") ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "TradeInPhotos" (
        "Id" uuid NOT NULL,
        "TradeInId" uuid NOT NULL,
        "ContentType" character varying(40) NOT NULL,
        "Bytes" bigint NOT NULL,
        "StoredName" character varying(80) NOT NULL,
        "AddedAt" timestamp with time zone NOT NULL,
        CONSTRAINT "PK_TradeInPhotos" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_TradeInPhotos_TradeIns_TradeInId" FOREIGN KEY ("TradeInId") REFERENCES "TradeIns" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "TradeInReconditioning" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "Description" character varying(200) NOT NULL,
        "Cost" bigint NOT NULL,
        "TradeInId" uuid NOT NULL,
        CONSTRAINT "PK_TradeInReconditioning" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_TradeInReconditioning_TradeIns_TradeInId" FOREIGN KEY ("TradeInId") REFERENCES "TradeIns" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "AppointmentOperations" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "Code" character varying(20) NOT NULL,
        "Description" character varying(200) NOT NULL,
        "LabourMinutes" integer NOT NULL,
        "AppointmentId" uuid NOT NULL,
        CONSTRAINT "PK_AppointmentOperations" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_AppointmentOperations_ServiceAppointments_AppointmentId" FOREIGN KEY ("AppointmentId") REFERENCES "ServiceAppointments" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "AppointmentPartLines" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "PartId" uuid NOT NULL,
        "PartNumber" character varying(40) NOT NULL,
        "Description" character varying(200) NOT NULL,
        "Quantity" integer NOT NULL,
        "State" character varying(12) NOT NULL,
        "ExtraWorkId" uuid,
        "PartsOrderId" uuid,
        "Eta" date,
        "AppointmentId" uuid NOT NULL,
        CONSTRAINT "PK_AppointmentPartLines" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_AppointmentPartLines_Parts_PartId" FOREIGN KEY ("PartId") REFERENCES "Parts" ("Id") ON DELETE RESTRICT,
        CONSTRAINT "FK_AppointmentPartLines_ServiceAppointments_AppointmentId" FOREIGN KEY ("AppointmentId") REFERENCES "ServiceAppointments" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "ExtraWork" (
        "Id" uuid NOT NULL,
        "FindingNumber" integer NOT NULL,
        "Urgency" character varying(6) NOT NULL,
        "Title" character varying(200) NOT NULL,
        "Reason" character varying(1000) NOT NULL,
        "IfYouWait" character varying(500),
        "LabourMinutes" integer NOT NULL,
        "LabourAmount" bigint NOT NULL,
        "PartsAmount" bigint NOT NULL,
        "ReadyByIfApproved" timestamp with time zone,
        "Status" character varying(10) NOT NULL,
        "ProposedAt" timestamp with time zone NOT NULL,
        "ViewedAt" timestamp with time zone,
        "AnsweredAt" timestamp with time zone,
        "AnsweredVia" character varying(14),
        "AnswerRecordedBy" uuid,
        "StartedAt" timestamp with time zone,
        "DoneAt" timestamp with time zone,
        "AppointmentId" uuid NOT NULL,
        CONSTRAINT "PK_ExtraWork" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_ExtraWork_ServiceAppointments_AppointmentId" FOREIGN KEY ("AppointmentId") REFERENCES "ServiceAppointments" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "InspectionFindings" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "Number" integer NOT NULL,
        "Area" character varying(60) NOT NULL,
        "Rating" character varying(6) NOT NULL,
        "Note" character varying(1000),
        "AppointmentId" uuid NOT NULL,
        CONSTRAINT "PK_InspectionFindings" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_InspectionFindings_ServiceAppointments_AppointmentId" FOREIGN KEY ("AppointmentId") REFERENCES "ServiceAppointments" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "InspectionPhotos" (
        "Id" uuid NOT NULL,
        "AppointmentId" uuid NOT NULL,
        "FindingNumber" integer NOT NULL,
        "ContentType" character varying(40) NOT NULL,
        "Bytes" bigint NOT NULL,
        "StoredName" character varying(80) NOT NULL,
        "AddedAt" timestamp with time zone NOT NULL,
        CONSTRAINT "PK_InspectionPhotos" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_InspectionPhotos_ServiceAppointments_AppointmentId" FOREIGN KEY ("AppointmentId") REFERENCES "ServiceAppointments" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE TABLE "ExtraWorkParts" (
        "Id" integer GENERATED BY DEFAULT AS IDENTITY,
        "PartId" uuid NOT NULL,
        "PartNumber" character varying(40) NOT NULL,
        "Description" character varying(200) NOT NULL,
        "Quantity" integer NOT NULL,
        "UnitPrice" bigint NOT NULL,
        "ExtraWorkId" uuid NOT NULL,
        CONSTRAINT "PK_ExtraWorkParts" PRIMARY KEY ("Id"),
        CONSTRAINT "FK_ExtraWorkParts_ExtraWork_ExtraWorkId" FOREIGN KEY ("ExtraWorkId") REFERENCES "ExtraWork" ("Id") ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_AppointmentOperations_AppointmentId" ON "AppointmentOperations" ("AppointmentId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_AppointmentPartLines_AppointmentId" ON "AppointmentPartLines" ("AppointmentId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_AppointmentPartLines_PartId_State" ON "AppointmentPartLines" ("PartId", "State");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_AppointmentPartLines_PartsOrderId" ON "AppointmentPartLines" ("PartsOrderId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_CollectionBookings_OrderId" ON "CollectionBookings" ("OrderId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_CollectionBookings_OwnerStaffId_StartsAt" ON "CollectionBookings" ("OwnerStaffId", "StartsAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_CollectionBookings_SiteId_Bay_StartsAt" ON "CollectionBookings" ("SiteId", "Bay", "StartsAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Custody_CustomerId" ON "Custody" ("CustomerId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Custody_HolderStaffId" ON "Custody" ("HolderStaffId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Custody_SiteId_ReleasedAt_Since" ON "Custody" ("SiteId", "ReleasedAt", "Since");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Custody_SubjectType_SubjectId" ON "Custody" ("SubjectType", "SubjectId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Customers_EmailKey" ON "Customers" ("EmailKey");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Customers_FirstNameKey" ON "Customers" ("FirstNameKey");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Customers_LastNameKey_FirstNameKey" ON "Customers" ("LastNameKey", "FirstNameKey");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Customers_MobilePhone" ON "Customers" ("MobilePhone");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Customers_OwnerStaffId" ON "Customers" ("OwnerStaffId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Customers_RegisteredAtSiteId" ON "Customers" ("RegisteredAtSiteId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Decisions_CustomerId" ON "Decisions" ("CustomerId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Decisions_SiteId_CreatedAt" ON "Decisions" ("SiteId", "CreatedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Decisions_SiteId_Status_CreatedAt" ON "Decisions" ("SiteId", "Status", "CreatedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Decisions_StaffId_CreatedAt" ON "Decisions" ("StaffId", "CreatedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Decisions_SubjectType_SubjectId" ON "Decisions" ("SubjectType", "SubjectId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_DiscretionPolicies_SiteId_Role_Action" ON "DiscretionPolicies" ("SiteId", "Role", "Action");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_ExtraWork_AppointmentId" ON "ExtraWork" ("AppointmentId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_ExtraWorkParts_ExtraWorkId" ON "ExtraWorkParts" ("ExtraWorkId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_IdempotencyRecords_CreatedAt" ON "IdempotencyRecords" ("CreatedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_IdempotencyRecords_Scope_Key" ON "IdempotencyRecords" ("Scope", "Key");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_InboundMessages_ProviderMessageId" ON "InboundMessages" ("ProviderMessageId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_InspectionFindings_AppointmentId" ON "InspectionFindings" ("AppointmentId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_InspectionPhotos_AppointmentId" ON "InspectionPhotos" ("AppointmentId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Notifications_CustomerId_CreatedAt" ON "Notifications" ("CustomerId", "CreatedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_Notifications_DeduplicationKey" ON "Notifications" ("DeduplicationKey");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Notifications_ProviderMessageId" ON "Notifications" ("ProviderMessageId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Notifications_Status_DueAt" ON "Notifications" ("Status", "DueAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_OrderChecklist_OrderId" ON "OrderChecklist" ("OrderId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_OrderConcessions_OrderId_DecisionId" ON "OrderConcessions" ("OrderId", "DecisionId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_OrderFees_OrderId" ON "OrderFees" ("OrderId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_OrderMilestones_OrderId_Milestone" ON "OrderMilestones" ("OrderId", "Milestone");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Orders_CustomerId" ON "Orders" ("CustomerId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Orders_KeysHandedOverBy" ON "Orders" ("KeysHandedOverBy");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Orders_OwnerStaffId_Status" ON "Orders" ("OwnerStaffId", "Status");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Orders_SiteId_Status_CancelledAt" ON "Orders" ("SiteId", "Status", "CancelledAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_Parts_SiteId_PartNumber" ON "Parts" ("SiteId", "PartNumber");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_PartsOrderLines_PartId" ON "PartsOrderLines" ("PartId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_PartsOrderLines_PartsOrderId" ON "PartsOrderLines" ("PartsOrderId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_PartsOrders_Reference" ON "PartsOrders" ("Reference");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_PartsOrders_SiteId_Status_CreatedAt" ON "PartsOrders" ("SiteId", "Status", "CreatedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_PartsOrders_SiteId_SupplierId_Status" ON "PartsOrders" ("SiteId", "SupplierId", "Status");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_PartsOrders_SupplierId" ON "PartsOrders" ("SupplierId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_PartSuppliers_PartId_SupplierId" ON "PartSuppliers" ("PartId", "SupplierId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_PartSuppliers_SupplierId" ON "PartSuppliers" ("SupplierId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Payments_OrderId" ON "Payments" ("OrderId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_PhoneConsents_PhoneNumber" ON "PhoneConsents" ("PhoneNumber");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_PolicyChanges_PolicyId" ON "PolicyChanges" ("PolicyId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Promises_CustomerId" ON "Promises" ("CustomerId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Promises_OwnerStaffId_State_DueAt" ON "Promises" ("OwnerStaffId", "State", "DueAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Promises_SiteId_ResolvedAt" ON "Promises" ("SiteId", "ResolvedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Promises_SiteId_State" ON "Promises" ("SiteId", "State");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Promises_State_DueAt" ON "Promises" ("State", "DueAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Promises_SubjectId_Milestone" ON "Promises" ("SubjectId", "Milestone");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_ServiceAppointments_AdvisorStaffId_Date" ON "ServiceAppointments" ("AdvisorStaffId", "Date");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_ServiceAppointments_CustomerId" ON "ServiceAppointments" ("CustomerId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_ServiceAppointments_SiteId_CheckedInAt" ON "ServiceAppointments" ("SiteId", "CheckedInAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_ServiceAppointments_SiteId_Date_Status" ON "ServiceAppointments" ("SiteId", "Date", "Status");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_ServiceAppointments_SiteId_Status_PromisedReadyAt" ON "ServiceAppointments" ("SiteId", "Status", "PromisedReadyAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_ServiceAppointments_Status_Date" ON "ServiceAppointments" ("Status", "Date");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_ServiceAppointments_VehicleId" ON "ServiceAppointments" ("VehicleId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_ServiceOperationParts_OperationId" ON "ServiceOperationParts" ("OperationId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_ServiceOperations_Code" ON "ServiceOperations" ("Code");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_SiteOpeningHours_SiteId" ON "SiteOpeningHours" ("SiteId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_Sites_Code" ON "Sites" ("Code");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_StaffAvailability_StaffId" ON "StaffAvailability" ("StaffId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_StaffBlockedTime_StaffAvailabilityId" ON "StaffBlockedTime" ("StaffAvailabilityId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_StaffSites_SiteId" ON "StaffSites" ("SiteId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_StaffTexts_DeduplicationKey" ON "StaffTexts" ("DeduplicationKey");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_StaffTexts_SentAt_Dead_CreatedAt" ON "StaffTexts" ("SentAt", "Dead", "CreatedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_StaffWorkingHours_StaffAvailabilityId" ON "StaffWorkingHours" ("StaffAvailabilityId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_SupplierEmails_PartsOrderId" ON "SupplierEmails" ("PartsOrderId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_SupplierEmails_Status_DueAt" ON "SupplierEmails" ("Status", "DueAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_Suppliers_Name" ON "Suppliers" ("Name");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_Tasks_DeduplicationKey" ON "Tasks" ("DeduplicationKey") WHERE "DeduplicationKey" IS NOT NULL;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Tasks_OwnerStaffId_Status_DueAt" ON "Tasks" ("OwnerStaffId", "Status", "DueAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Tasks_SiteId_Status" ON "Tasks" ("SiteId", "Status");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_TemplateVersions_SiteId_Key_Channel_Language_Number" ON "TemplateVersions" ("SiteId", "Key", "Channel", "Language", "Number");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Touchpoints_CustomerId_OccurredAt" ON "Touchpoints" ("CustomerId", "OccurredAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Touchpoints_SiteId_OccurredAt" ON "Touchpoints" ("SiteId", "OccurredAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_TrackingLinks_CustomerId" ON "TrackingLinks" ("CustomerId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_TrackingLinks_TokenHash" ON "TrackingLinks" ("TokenHash");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_TradeInPhotos_TradeInId" ON "TradeInPhotos" ("TradeInId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_TradeInReconditioning_TradeInId" ON "TradeInReconditioning" ("TradeInId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_TradeIns_CustomerId" ON "TradeIns" ("CustomerId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_TradeIns_LiveOrderId" ON "TradeIns" ("LiveOrderId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_TradeIns_LiveVin" ON "TradeIns" ("LiveVin");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_TradeIns_OrderId" ON "TradeIns" ("OrderId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_TradeIns_RequestedBy" ON "TradeIns" ("RequestedBy");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_TradeIns_SiteId_PayoffSentAt" ON "TradeIns" ("SiteId", "PayoffSentAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_TradeIns_SiteId_Status_RequestedAt" ON "TradeIns" ("SiteId", "Status", "RequestedAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_TradeIns_Status_PayoffSentAt_PayoffDueBy" ON "TradeIns" ("Status", "PayoffSentAt", "PayoffDueBy");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE INDEX "IX_Vehicles_CustomerId" ON "Vehicles" ("CustomerId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_Vehicles_Vin" ON "Vehicles" ("Vin");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    CREATE UNIQUE INDEX "IX_WorkshopDays_SiteId_Date" ON "WorkshopDays" ("SiteId", "Date");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261128220855_PostgreSqlBaseline') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261128220855_PostgreSqlBaseline', '10.0.14');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261129045305_TouchpointsLastMessageIndex') THEN
    CREATE INDEX "IX_Touchpoints_CustomerId_Kind_Direction_OccurredAt" ON "Touchpoints" ("CustomerId", "Kind", "Direction", "OccurredAt");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261129045305_TouchpointsLastMessageIndex') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261129045305_TouchpointsLastMessageIndex', '10.0.14');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261129053806_TasksBySubject') THEN
    CREATE INDEX "IX_Tasks_SubjectType_SubjectId" ON "Tasks" ("SubjectType", "SubjectId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261129053806_TasksBySubject') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261129053806_TasksBySubject', '10.0.14');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261129134838_SeedMarks') THEN
    CREATE TABLE "SeedMarks" (
        "Key" character varying(100) NOT NULL,
        "SeededAt" timestamp with time zone NOT NULL,
        CONSTRAINT "PK_SeedMarks" PRIMARY KEY ("Key")
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261129134838_SeedMarks') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261129134838_SeedMarks', '10.0.14');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261130111313_ShortagesIndexes') THEN
    DROP INDEX "IX_AppointmentPartLines_AppointmentId";
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261130111313_ShortagesIndexes') THEN
    CREATE INDEX "IX_ServiceAppointments_SiteId_Status_StartsAt_Id_CustomerId" ON "ServiceAppointments" ("SiteId", "Status", "StartsAt", "Id", "CustomerId");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261130111313_ShortagesIndexes') THEN
    CREATE INDEX "IX_AppointmentPartLines_AppointmentId_State" ON "AppointmentPartLines" ("AppointmentId", "State");
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261130111313_ShortagesIndexes') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261130111313_ShortagesIndexes', '10.0.14');
    END IF;
END $EF$;
COMMIT;

