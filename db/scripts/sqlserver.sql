IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] uniqueidentifier NOT NULL,
        [DisplayName] nvarchar(100) NOT NULL,
        [PrimarySiteId] uniqueidentifier NOT NULL,
        [IsActive] bit NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [Version] bigint NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [IdempotencyRecords] (
        [Id] uniqueidentifier NOT NULL,
        [Scope] nvarchar(64) NOT NULL,
        [Key] nvarchar(100) NOT NULL,
        [RequestHash] nvarchar(64) NOT NULL,
        [StatusCode] int NOT NULL,
        [ContentType] nvarchar(100) NULL,
        [Location] nvarchar(500) NULL,
        [ETag] nvarchar(100) NULL,
        [Body] varbinary(max) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_IdempotencyRecords] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [PhoneConsents] (
        [Id] uniqueidentifier NOT NULL,
        [PhoneNumber] nvarchar(16) NOT NULL,
        [OptedOut] bit NOT NULL,
        [ChangedAt] datetime2 NOT NULL,
        [Source] nvarchar(200) NOT NULL,
        CONSTRAINT [PK_PhoneConsents] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [Sites] (
        [Id] uniqueidentifier NOT NULL,
        [Code] nvarchar(10) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [TimeZoneId] nvarchar(64) NOT NULL,
        [Currency] nchar(3) NOT NULL,
        [DistanceUnit] nvarchar(12) NOT NULL,
        [DefaultPhoneRegion] nvarchar(2) NOT NULL,
        [Languages] nvarchar(40) NOT NULL,
        [DeliveryBays] int NOT NULL,
        [CollectionMinutes] int NOT NULL,
        [Version] bigint NOT NULL,
        CONSTRAINT [PK_Sites] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [Tasks] (
        [Id] uniqueidentifier NOT NULL,
        [SiteId] uniqueidentifier NOT NULL,
        [OwnerStaffId] uniqueidentifier NULL,
        [Title] nvarchar(200) NOT NULL,
        [Detail] nvarchar(2000) NOT NULL,
        [DueAt] datetime2 NOT NULL,
        [SubjectType] nvarchar(30) NULL,
        [SubjectId] uniqueidentifier NULL,
        [CustomerIds] nvarchar(1000) NOT NULL,
        [Status] nvarchar(10) NOT NULL,
        [DeduplicationKey] nvarchar(200) NULL,
        [CreatedAt] datetime2 NOT NULL,
        [DoneAt] datetime2 NULL,
        [DoneBy] uniqueidentifier NULL,
        [Version] bigint NOT NULL,
        CONSTRAINT [PK_Tasks] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] uniqueidentifier NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] uniqueidentifier NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] uniqueidentifier NOT NULL,
        [RoleId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] uniqueidentifier NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [StaffAvailability] (
        [Id] uniqueidentifier NOT NULL,
        [StaffId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_StaffAvailability] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_StaffAvailability_AspNetUsers_StaffId] FOREIGN KEY ([StaffId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [Customers] (
        [Id] uniqueidentifier NOT NULL,
        [FirstName] nvarchar(100) NOT NULL,
        [LastName] nvarchar(100) NOT NULL,
        [FirstNameKey] nvarchar(100) NOT NULL,
        [LastNameKey] nvarchar(100) NOT NULL,
        [Email] nvarchar(254) NULL,
        [EmailKey] nvarchar(254) NULL,
        [MobilePhone] nvarchar(16) NULL,
        [PreferredChannel] nvarchar(10) NOT NULL,
        [Language] nvarchar(8) NOT NULL,
        [TimeZoneId] nvarchar(64) NOT NULL,
        [QuietHoursStart] time NULL,
        [QuietHoursEnd] time NULL,
        [SmsConsent] bit NOT NULL,
        [SmsConsentChangedAt] datetime2 NULL,
        [SmsConsentSource] nvarchar(200) NULL,
        [EmailConsent] bit NOT NULL,
        [EmailConsentChangedAt] datetime2 NULL,
        [EmailConsentSource] nvarchar(200) NULL,
        [OwnerStaffId] uniqueidentifier NULL,
        [RegisteredAtSiteId] uniqueidentifier NOT NULL,
        [SharedContactConfirmedBy] uniqueidentifier NULL,
        [SharedContactConfirmedAt] datetime2 NULL,
        [SharedContactNote] nvarchar(500) NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [Version] bigint NOT NULL,
        CONSTRAINT [PK_Customers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Customers_AspNetUsers_OwnerStaffId] FOREIGN KEY ([OwnerStaffId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Customers_Sites_RegisteredAtSiteId] FOREIGN KEY ([RegisteredAtSiteId]) REFERENCES [Sites] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [SiteOpeningHours] (
        [Id] int NOT NULL IDENTITY,
        [Day] nvarchar(10) NOT NULL,
        [Opens] time NOT NULL,
        [Closes] time NOT NULL,
        [SiteId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_SiteOpeningHours] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SiteOpeningHours_Sites_SiteId] FOREIGN KEY ([SiteId]) REFERENCES [Sites] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [StaffSites] (
        [StaffUserId] uniqueidentifier NOT NULL,
        [SiteId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_StaffSites] PRIMARY KEY ([StaffUserId], [SiteId]),
        CONSTRAINT [FK_StaffSites_AspNetUsers_StaffUserId] FOREIGN KEY ([StaffUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_StaffSites_Sites_SiteId] FOREIGN KEY ([SiteId]) REFERENCES [Sites] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [StaffBlockedTime] (
        [Id] int NOT NULL IDENTITY,
        [From] datetime2 NOT NULL,
        [Until] datetime2 NOT NULL,
        [Reason] nvarchar(200) NULL,
        [StaffAvailabilityId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_StaffBlockedTime] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_StaffBlockedTime_StaffAvailability_StaffAvailabilityId] FOREIGN KEY ([StaffAvailabilityId]) REFERENCES [StaffAvailability] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [StaffWorkingHours] (
        [Id] int NOT NULL IDENTITY,
        [Day] nvarchar(10) NOT NULL,
        [Starts] time NOT NULL,
        [Ends] time NOT NULL,
        [StaffAvailabilityId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_StaffWorkingHours] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_StaffWorkingHours_StaffAvailability_StaffAvailabilityId] FOREIGN KEY ([StaffAvailabilityId]) REFERENCES [StaffAvailability] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [Notifications] (
        [Id] uniqueidentifier NOT NULL,
        [CustomerId] uniqueidentifier NOT NULL,
        [SiteId] uniqueidentifier NULL,
        [Channel] nvarchar(10) NOT NULL,
        [TemplateKey] nvarchar(60) NOT NULL,
        [Language] nvarchar(8) NOT NULL,
        [DeduplicationKey] nvarchar(200) NOT NULL,
        [Recipient] nvarchar(254) NULL,
        [TemplateData] nvarchar(max) NOT NULL,
        [Proactive] bit NOT NULL,
        [Urgent] bit NOT NULL,
        [Status] nvarchar(12) NOT NULL,
        [SuppressionReason] nvarchar(20) NULL,
        [DueAt] datetime2 NOT NULL,
        [Attempts] int NOT NULL,
        [LastError] nvarchar(500) NULL,
        [ClaimedAt] datetime2 NULL,
        [LeaseUntil] datetime2 NULL,
        [LinkTokenHash] nvarchar(64) NULL,
        [Subject] nvarchar(200) NULL,
        [Body] nvarchar(max) NULL,
        [ProviderMessageId] nvarchar(64) NULL,
        [CreatedAt] datetime2 NOT NULL,
        [SentAt] datetime2 NULL,
        [DeliveredAt] datetime2 NULL,
        [FallbackFor] uniqueidentifier NULL,
        [Version] bigint NOT NULL,
        CONSTRAINT [PK_Notifications] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Notifications_Customers_CustomerId] FOREIGN KEY ([CustomerId]) REFERENCES [Customers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [Orders] (
        [Id] uniqueidentifier NOT NULL,
        [SiteId] uniqueidentifier NOT NULL,
        [CustomerId] uniqueidentifier NOT NULL,
        [OwnerStaffId] uniqueidentifier NOT NULL,
        [Currency] nchar(3) NOT NULL,
        [PriceAmount] bigint NOT NULL,
        [FeesAmount] bigint NOT NULL,
        [Status] nvarchar(24) NOT NULL,
        [CancelledAt] datetime2 NULL,
        [CancellationReason] nvarchar(500) NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ProposedCollectionTimes] nvarchar(max) NOT NULL,
        [KeysHandedOverBy] uniqueidentifier NULL,
        [VehicleColor] nvarchar(30) NULL,
        [VehicleMake] nvarchar(50) NOT NULL,
        [VehicleModel] nvarchar(50) NOT NULL,
        [VehicleOptions] nvarchar(500) NULL,
        [VehicleTrim] nvarchar(50) NULL,
        [VehicleVin] nvarchar(17) NULL,
        [VehicleYear] int NOT NULL,
        [Version] bigint NOT NULL,
        CONSTRAINT [PK_Orders] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Orders_AspNetUsers_KeysHandedOverBy] FOREIGN KEY ([KeysHandedOverBy]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Orders_AspNetUsers_OwnerStaffId] FOREIGN KEY ([OwnerStaffId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Orders_Customers_CustomerId] FOREIGN KEY ([CustomerId]) REFERENCES [Customers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Orders_Sites_SiteId] FOREIGN KEY ([SiteId]) REFERENCES [Sites] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [Promises] (
        [Id] uniqueidentifier NOT NULL,
        [SiteId] uniqueidentifier NOT NULL,
        [CustomerId] uniqueidentifier NOT NULL,
        [OwnerStaffId] uniqueidentifier NOT NULL,
        [Description] nvarchar(300) NOT NULL,
        [DueAt] datetime2 NOT NULL,
        [Kind] nvarchar(12) NOT NULL,
        [SubjectType] nvarchar(30) NULL,
        [SubjectId] uniqueidentifier NULL,
        [Milestone] nvarchar(30) NULL,
        [State] nvarchar(14) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [ResolvedAt] datetime2 NULL,
        [ResolutionNote] nvarchar(500) NULL,
        [Version] bigint NOT NULL,
        CONSTRAINT [PK_Promises] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Promises_Customers_CustomerId] FOREIGN KEY ([CustomerId]) REFERENCES [Customers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [Touchpoints] (
        [Id] uniqueidentifier NOT NULL,
        [CustomerId] uniqueidentifier NOT NULL,
        [SiteId] uniqueidentifier NULL,
        [OccurredAt] datetime2 NOT NULL,
        [Kind] nvarchar(30) NOT NULL,
        [Direction] nvarchar(10) NOT NULL,
        [Actor] nvarchar(10) NOT NULL,
        [Proactive] bit NOT NULL,
        [Summary] nvarchar(500) NOT NULL,
        [StaffId] uniqueidentifier NULL,
        [SubjectType] nvarchar(30) NULL,
        [SubjectId] uniqueidentifier NULL,
        CONSTRAINT [PK_Touchpoints] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Touchpoints_Customers_CustomerId] FOREIGN KEY ([CustomerId]) REFERENCES [Customers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [TrackingLinks] (
        [Id] uniqueidentifier NOT NULL,
        [CustomerId] uniqueidentifier NOT NULL,
        [NotificationId] uniqueidentifier NULL,
        [TokenHash] nvarchar(64) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [ExpiresAt] datetime2 NOT NULL,
        [RevokedAt] datetime2 NULL,
        CONSTRAINT [PK_TrackingLinks] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TrackingLinks_Customers_CustomerId] FOREIGN KEY ([CustomerId]) REFERENCES [Customers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [Vehicles] (
        [Id] uniqueidentifier NOT NULL,
        [CustomerId] uniqueidentifier NOT NULL,
        [Vin] nchar(17) NOT NULL,
        [Year] int NOT NULL,
        [Make] nvarchar(50) NOT NULL,
        [Model] nvarchar(50) NOT NULL,
        [Trim] nvarchar(50) NULL,
        [Color] nvarchar(30) NULL,
        [Odometer] int NULL,
        [AddedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_Vehicles] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Vehicles_Customers_CustomerId] FOREIGN KEY ([CustomerId]) REFERENCES [Customers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [CollectionBookings] (
        [Id] uniqueidentifier NOT NULL,
        [OrderId] uniqueidentifier NOT NULL,
        [SiteId] uniqueidentifier NOT NULL,
        [OwnerStaffId] uniqueidentifier NOT NULL,
        [Bay] int NOT NULL,
        [StartsAt] datetime2 NOT NULL,
        [EndsAt] datetime2 NOT NULL,
        [ChosenByCustomer] bit NOT NULL,
        [RecordedBy] uniqueidentifier NULL,
        [BookedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_CollectionBookings] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CollectionBookings_Orders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [Orders] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [OrderChecklist] (
        [Id] int NOT NULL IDENTITY,
        [Item] nvarchar(30) NOT NULL,
        [DoneAt] datetime2 NULL,
        [DoneBy] uniqueidentifier NULL,
        [OrderId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_OrderChecklist] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OrderChecklist_Orders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [Orders] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [OrderMilestones] (
        [Id] int NOT NULL IDENTITY,
        [Milestone] nvarchar(24) NOT NULL,
        [PromisedDate] date NULL,
        [ReachedAt] datetime2 NULL,
        [LastChangeReason] nvarchar(500) NULL,
        [LastChangedAt] datetime2 NULL,
        [OrderId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_OrderMilestones] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OrderMilestones_Orders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [Orders] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE TABLE [Payments] (
        [Id] uniqueidentifier NOT NULL,
        [OrderId] uniqueidentifier NOT NULL,
        [Method] nvarchar(20) NOT NULL,
        [Amount] bigint NOT NULL,
        [Currency] nchar(3) NOT NULL,
        [Reference] nvarchar(100) NULL,
        [Status] nvarchar(12) NOT NULL,
        [ReceivedBy] uniqueidentifier NOT NULL,
        [ReceivedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_Payments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Payments_Orders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [Orders] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CollectionBookings_OrderId] ON [CollectionBookings] ([OrderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_CollectionBookings_OwnerStaffId_StartsAt] ON [CollectionBookings] ([OwnerStaffId], [StartsAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CollectionBookings_SiteId_Bay_StartsAt] ON [CollectionBookings] ([SiteId], [Bay], [StartsAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Customers_EmailKey] ON [Customers] ([EmailKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Customers_FirstNameKey] ON [Customers] ([FirstNameKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Customers_LastNameKey_FirstNameKey] ON [Customers] ([LastNameKey], [FirstNameKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Customers_MobilePhone] ON [Customers] ([MobilePhone]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Customers_OwnerStaffId] ON [Customers] ([OwnerStaffId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Customers_RegisteredAtSiteId] ON [Customers] ([RegisteredAtSiteId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_IdempotencyRecords_CreatedAt] ON [IdempotencyRecords] ([CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_IdempotencyRecords_Scope_Key] ON [IdempotencyRecords] ([Scope], [Key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Notifications_CustomerId_CreatedAt] ON [Notifications] ([CustomerId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Notifications_DeduplicationKey] ON [Notifications] ([DeduplicationKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Notifications_ProviderMessageId] ON [Notifications] ([ProviderMessageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Notifications_Status_DueAt] ON [Notifications] ([Status], [DueAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_OrderChecklist_OrderId] ON [OrderChecklist] ([OrderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_OrderMilestones_OrderId_Milestone] ON [OrderMilestones] ([OrderId], [Milestone]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Orders_CustomerId] ON [Orders] ([CustomerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Orders_KeysHandedOverBy] ON [Orders] ([KeysHandedOverBy]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Orders_OwnerStaffId_Status] ON [Orders] ([OwnerStaffId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Orders_SiteId_Status_CancelledAt] ON [Orders] ([SiteId], [Status], [CancelledAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Payments_OrderId] ON [Payments] ([OrderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PhoneConsents_PhoneNumber] ON [PhoneConsents] ([PhoneNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Promises_CustomerId] ON [Promises] ([CustomerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Promises_OwnerStaffId_State_DueAt] ON [Promises] ([OwnerStaffId], [State], [DueAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Promises_SiteId_State] ON [Promises] ([SiteId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Promises_State_DueAt] ON [Promises] ([State], [DueAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Promises_SubjectId_Milestone] ON [Promises] ([SubjectId], [Milestone]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_SiteOpeningHours_SiteId] ON [SiteOpeningHours] ([SiteId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Sites_Code] ON [Sites] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_StaffAvailability_StaffId] ON [StaffAvailability] ([StaffId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_StaffBlockedTime_StaffAvailabilityId] ON [StaffBlockedTime] ([StaffAvailabilityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_StaffSites_SiteId] ON [StaffSites] ([SiteId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_StaffWorkingHours_StaffAvailabilityId] ON [StaffWorkingHours] ([StaffAvailabilityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Tasks_DeduplicationKey] ON [Tasks] ([DeduplicationKey]) WHERE DeduplicationKey IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Tasks_OwnerStaffId_Status_DueAt] ON [Tasks] ([OwnerStaffId], [Status], [DueAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Tasks_SiteId_Status] ON [Tasks] ([SiteId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Touchpoints_CustomerId_OccurredAt] ON [Touchpoints] ([CustomerId], [OccurredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Touchpoints_SiteId_OccurredAt] ON [Touchpoints] ([SiteId], [OccurredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_TrackingLinks_CustomerId] ON [TrackingLinks] ([CustomerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_TrackingLinks_TokenHash] ON [TrackingLinks] ([TokenHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Vehicles_CustomerId] ON [Vehicles] ([CustomerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Vehicles_Vin] ON [Vehicles] ([Vin]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122163710_InitialCreate'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261122163710_InitialCreate', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    ALTER TABLE [Sites] ADD [AdvisorMinutesPerDay] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    ALTER TABLE [Sites] ADD [LabourRatePerHour] bigint NOT NULL DEFAULT CAST(0 AS bigint);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    ALTER TABLE [Sites] ADD [ServiceSlotMinutes] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    ALTER TABLE [Sites] ADD [WorkshopMinutesPerDay] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE TABLE [Decisions] (
        [Id] uniqueidentifier NOT NULL,
        [SiteId] uniqueidentifier NOT NULL,
        [StaffId] uniqueidentifier NOT NULL,
        [Action] nvarchar(16) NOT NULL,
        [Amount] bigint NULL,
        [Currency] nchar(3) NULL,
        [CustomerId] uniqueidentifier NOT NULL,
        [SubjectType] nvarchar(20) NOT NULL,
        [SubjectId] uniqueidentifier NOT NULL,
        [Reason] nvarchar(500) NOT NULL,
        [Status] nvarchar(18) NOT NULL,
        [DecidedBy] uniqueidentifier NULL,
        [DecidedAt] datetime2 NULL,
        [CreatedAt] datetime2 NOT NULL,
        [Outcome] nvarchar(14) NOT NULL,
        [OutcomeNote] nvarchar(500) NULL,
        [Version] bigint NOT NULL,
        CONSTRAINT [PK_Decisions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Decisions_Customers_CustomerId] FOREIGN KEY ([CustomerId]) REFERENCES [Customers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE TABLE [Parts] (
        [Id] uniqueidentifier NOT NULL,
        [SiteId] uniqueidentifier NOT NULL,
        [PartNumber] nvarchar(40) NOT NULL,
        [Description] nvarchar(200) NOT NULL,
        [OnHand] int NOT NULL,
        [Reserved] int NOT NULL,
        [SellPriceAmount] bigint NOT NULL,
        [Currency] nchar(3) NOT NULL,
        [Version] bigint NOT NULL,
        CONSTRAINT [PK_Parts] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_Parts_Stock] CHECK (OnHand >= 0 AND Reserved >= 0 AND Reserved <= OnHand),
        CONSTRAINT [FK_Parts_Sites_SiteId] FOREIGN KEY ([SiteId]) REFERENCES [Sites] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE TABLE [ServiceAppointments] (
        [Id] uniqueidentifier NOT NULL,
        [SiteId] uniqueidentifier NOT NULL,
        [CustomerId] uniqueidentifier NOT NULL,
        [VehicleId] uniqueidentifier NOT NULL,
        [AdvisorStaffId] uniqueidentifier NOT NULL,
        [Concern] nvarchar(1000) NOT NULL,
        [StartsAt] datetime2 NOT NULL,
        [Date] date NOT NULL,
        [WalkIn] bit NOT NULL,
        [LabourMinutes] int NOT NULL,
        [Status] nvarchar(12) NOT NULL,
        [Readiness] nvarchar(10) NOT NULL,
        [WaitedForParts] bit NOT NULL,
        [AtRiskSince] datetime2 NULL,
        [ConfirmedAt] datetime2 NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] uniqueidentifier NOT NULL,
        [LastChangeReason] nvarchar(500) NULL,
        [Mileage] int NULL,
        [ConcernConfirmed] nvarchar(1000) NULL,
        [UpdatesContact] nvarchar(254) NULL,
        [PromisedReadyAt] datetime2 NULL,
        [CheckedInAt] datetime2 NULL,
        [CheckedInBy] uniqueidentifier NULL,
        [Version] bigint NOT NULL,
        CONSTRAINT [PK_ServiceAppointments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ServiceAppointments_AspNetUsers_AdvisorStaffId] FOREIGN KEY ([AdvisorStaffId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ServiceAppointments_Customers_CustomerId] FOREIGN KEY ([CustomerId]) REFERENCES [Customers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ServiceAppointments_Sites_SiteId] FOREIGN KEY ([SiteId]) REFERENCES [Sites] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ServiceAppointments_Vehicles_VehicleId] FOREIGN KEY ([VehicleId]) REFERENCES [Vehicles] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE TABLE [ServiceOperations] (
        [Id] uniqueidentifier NOT NULL,
        [Code] nvarchar(20) NOT NULL,
        [Description] nvarchar(200) NOT NULL,
        [LabourMinutes] int NOT NULL,
        [Version] bigint NOT NULL,
        CONSTRAINT [PK_ServiceOperations] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE TABLE [Suppliers] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(120) NOT NULL,
        [OrderEmail] nvarchar(254) NOT NULL,
        [AutoSend] bit NOT NULL,
        [Version] bigint NOT NULL,
        CONSTRAINT [PK_Suppliers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE TABLE [WorkshopDays] (
        [Id] uniqueidentifier NOT NULL,
        [SiteId] uniqueidentifier NOT NULL,
        [Date] date NOT NULL,
        [BookedMinutes] int NOT NULL,
        [Version] bigint NOT NULL,
        CONSTRAINT [PK_WorkshopDays] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_WorkshopDays_Booked] CHECK (BookedMinutes >= 0),
        CONSTRAINT [FK_WorkshopDays_Sites_SiteId] FOREIGN KEY ([SiteId]) REFERENCES [Sites] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE TABLE [AppointmentOperations] (
        [Id] int NOT NULL IDENTITY,
        [Code] nvarchar(20) NOT NULL,
        [Description] nvarchar(200) NOT NULL,
        [LabourMinutes] int NOT NULL,
        [AppointmentId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AppointmentOperations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AppointmentOperations_ServiceAppointments_AppointmentId] FOREIGN KEY ([AppointmentId]) REFERENCES [ServiceAppointments] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE TABLE [AppointmentPartLines] (
        [Id] int NOT NULL IDENTITY,
        [PartId] uniqueidentifier NOT NULL,
        [PartNumber] nvarchar(40) NOT NULL,
        [Description] nvarchar(200) NOT NULL,
        [Quantity] int NOT NULL,
        [State] nvarchar(12) NOT NULL,
        [PartsOrderId] uniqueidentifier NULL,
        [Eta] date NULL,
        [AppointmentId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AppointmentPartLines] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AppointmentPartLines_Parts_PartId] FOREIGN KEY ([PartId]) REFERENCES [Parts] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_AppointmentPartLines_ServiceAppointments_AppointmentId] FOREIGN KEY ([AppointmentId]) REFERENCES [ServiceAppointments] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE TABLE [ServiceOperationParts] (
        [Id] int NOT NULL IDENTITY,
        [PartNumber] nvarchar(40) NOT NULL,
        [Quantity] int NOT NULL,
        [OperationId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ServiceOperationParts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ServiceOperationParts_ServiceOperations_OperationId] FOREIGN KEY ([OperationId]) REFERENCES [ServiceOperations] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE TABLE [PartsOrders] (
        [Id] uniqueidentifier NOT NULL,
        [SiteId] uniqueidentifier NOT NULL,
        [SupplierId] uniqueidentifier NOT NULL,
        [Reference] nvarchar(40) NOT NULL,
        [Status] nvarchar(12) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] uniqueidentifier NULL,
        [SentAt] datetime2 NULL,
        [SentBy] uniqueidentifier NULL,
        [ExpectedEta] date NOT NULL,
        [ConfirmedEta] date NULL,
        [ConfirmedAt] datetime2 NULL,
        [ReceivedAt] datetime2 NULL,
        [Version] bigint NOT NULL,
        CONSTRAINT [PK_PartsOrders] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PartsOrders_Sites_SiteId] FOREIGN KEY ([SiteId]) REFERENCES [Sites] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PartsOrders_Suppliers_SupplierId] FOREIGN KEY ([SupplierId]) REFERENCES [Suppliers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE TABLE [PartSuppliers] (
        [Id] int NOT NULL IDENTITY,
        [SupplierId] uniqueidentifier NOT NULL,
        [LeadTimeWorkingDays] int NOT NULL,
        [CostAmount] bigint NOT NULL,
        [PartId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_PartSuppliers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PartSuppliers_Parts_PartId] FOREIGN KEY ([PartId]) REFERENCES [Parts] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_PartSuppliers_Suppliers_SupplierId] FOREIGN KEY ([SupplierId]) REFERENCES [Suppliers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE TABLE [PartsOrderLines] (
        [Id] int NOT NULL IDENTITY,
        [PartId] uniqueidentifier NOT NULL,
        [PartNumber] nvarchar(40) NOT NULL,
        [Description] nvarchar(200) NOT NULL,
        [Quantity] int NOT NULL,
        [UnitCost] bigint NOT NULL,
        [ReceivedQuantity] int NOT NULL,
        [LeadTimeWorkingDays] int NOT NULL,
        [PartsOrderId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_PartsOrderLines] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PartsOrderLines_PartsOrders_PartsOrderId] FOREIGN KEY ([PartsOrderId]) REFERENCES [PartsOrders] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE TABLE [SupplierEmails] (
        [Id] uniqueidentifier NOT NULL,
        [PartsOrderId] uniqueidentifier NOT NULL,
        [To] nvarchar(254) NOT NULL,
        [ToName] nvarchar(120) NOT NULL,
        [Subject] nvarchar(200) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [Status] nvarchar(10) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [DueAt] datetime2 NOT NULL,
        [Attempts] int NOT NULL,
        [SentAt] datetime2 NULL,
        [LastError] nvarchar(500) NULL,
        [Version] bigint NOT NULL,
        CONSTRAINT [PK_SupplierEmails] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SupplierEmails_PartsOrders_PartsOrderId] FOREIGN KEY ([PartsOrderId]) REFERENCES [PartsOrders] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE INDEX [IX_AppointmentOperations_AppointmentId] ON [AppointmentOperations] ([AppointmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE INDEX [IX_AppointmentPartLines_AppointmentId] ON [AppointmentPartLines] ([AppointmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE INDEX [IX_AppointmentPartLines_PartId_State] ON [AppointmentPartLines] ([PartId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE INDEX [IX_AppointmentPartLines_PartsOrderId] ON [AppointmentPartLines] ([PartsOrderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE INDEX [IX_Decisions_CustomerId] ON [Decisions] ([CustomerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE INDEX [IX_Decisions_SiteId_Status_CreatedAt] ON [Decisions] ([SiteId], [Status], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE INDEX [IX_Decisions_StaffId_CreatedAt] ON [Decisions] ([StaffId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE INDEX [IX_Decisions_SubjectType_SubjectId] ON [Decisions] ([SubjectType], [SubjectId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Parts_SiteId_PartNumber] ON [Parts] ([SiteId], [PartNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE INDEX [IX_PartsOrderLines_PartId] ON [PartsOrderLines] ([PartId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE INDEX [IX_PartsOrderLines_PartsOrderId] ON [PartsOrderLines] ([PartsOrderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PartsOrders_Reference] ON [PartsOrders] ([Reference]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE INDEX [IX_PartsOrders_SiteId_Status_CreatedAt] ON [PartsOrders] ([SiteId], [Status], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE INDEX [IX_PartsOrders_SiteId_SupplierId_Status] ON [PartsOrders] ([SiteId], [SupplierId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE INDEX [IX_PartsOrders_SupplierId] ON [PartsOrders] ([SupplierId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PartSuppliers_PartId_SupplierId] ON [PartSuppliers] ([PartId], [SupplierId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE INDEX [IX_PartSuppliers_SupplierId] ON [PartSuppliers] ([SupplierId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE INDEX [IX_ServiceAppointments_AdvisorStaffId_Date] ON [ServiceAppointments] ([AdvisorStaffId], [Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE INDEX [IX_ServiceAppointments_CustomerId] ON [ServiceAppointments] ([CustomerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE INDEX [IX_ServiceAppointments_SiteId_Date_Status] ON [ServiceAppointments] ([SiteId], [Date], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE INDEX [IX_ServiceAppointments_Status_Date] ON [ServiceAppointments] ([Status], [Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE INDEX [IX_ServiceAppointments_VehicleId] ON [ServiceAppointments] ([VehicleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE INDEX [IX_ServiceOperationParts_OperationId] ON [ServiceOperationParts] ([OperationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ServiceOperations_Code] ON [ServiceOperations] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SupplierEmails_PartsOrderId] ON [SupplierEmails] ([PartsOrderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE INDEX [IX_SupplierEmails_Status_DueAt] ON [SupplierEmails] ([Status], [DueAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Suppliers_Name] ON [Suppliers] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    CREATE UNIQUE INDEX [IX_WorkshopDays_SiteId_Date] ON [WorkshopDays] ([SiteId], [Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122175445_ServiceAppointmentsAndParts'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261122175445_ServiceAppointmentsAndParts', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128085808_CollectionChoiceChannel'
)
BEGIN
    ALTER TABLE [CollectionBookings] ADD [StatedVia] nvarchar(20) NOT NULL DEFAULT N'TrackingPage';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128085808_CollectionChoiceChannel'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128085808_CollectionChoiceChannel', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128091135_SiteQuietHours'
)
BEGIN
    ALTER TABLE [Sites] ADD [QuietHoursEnd] time NOT NULL DEFAULT '08:00:00';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128091135_SiteQuietHours'
)
BEGIN
    ALTER TABLE [Sites] ADD [QuietHoursStart] time NOT NULL DEFAULT '20:00:00';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128091135_SiteQuietHours'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128091135_SiteQuietHours', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128111652_SiteMessageTemplates'
)
BEGIN
    CREATE TABLE [TemplateVersions] (
        [Id] uniqueidentifier NOT NULL,
        [SiteId] uniqueidentifier NOT NULL,
        [Key] nvarchar(60) NOT NULL,
        [Channel] nvarchar(10) NOT NULL,
        [Language] nvarchar(5) NOT NULL,
        [Number] int NOT NULL,
        [Subject] nvarchar(4000) NULL,
        [Body] nvarchar(4000) NULL,
        [Note] nvarchar(500) NOT NULL,
        [CreatedBy] uniqueidentifier NULL,
        [CreatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_TemplateVersions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TemplateVersions_Sites_SiteId] FOREIGN KEY ([SiteId]) REFERENCES [Sites] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128111652_SiteMessageTemplates'
)
BEGIN
    CREATE UNIQUE INDEX [IX_TemplateVersions_SiteId_Key_Channel_Language_Number] ON [TemplateVersions] ([SiteId], [Key], [Channel], [Language], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128111652_SiteMessageTemplates'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128111652_SiteMessageTemplates', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128113019_RemoveUnusedNotificationFallback'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Notifications]') AND [c].[name] = N'FallbackFor');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [Notifications] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [Notifications] DROP COLUMN [FallbackFor];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128113019_RemoveUnusedNotificationFallback'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128113019_RemoveUnusedNotificationFallback', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128114804_InboundMessagesOncePerProviderId'
)
BEGIN
    CREATE TABLE [InboundMessages] (
        [Id] uniqueidentifier NOT NULL,
        [ProviderMessageId] nvarchar(64) NOT NULL,
        [From] nvarchar(32) NOT NULL,
        [ReceivedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_InboundMessages] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128114804_InboundMessagesOncePerProviderId'
)
BEGIN
    CREATE UNIQUE INDEX [IX_InboundMessages_ProviderMessageId] ON [InboundMessages] ([ProviderMessageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128114804_InboundMessagesOncePerProviderId'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128114804_InboundMessagesOncePerProviderId', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    ALTER TABLE [Sites] ADD [CancellationWindowDays] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    ALTER TABLE [Sites] ADD [LienholderNoticeDays] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    ALTER TABLE [Sites] ADD [PayoffDays] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    ALTER TABLE [Sites] ADD [SalesTaxBasisPoints] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    ALTER TABLE [Sites] ADD [TradeInReducesTax] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    ALTER TABLE [Orders] ADD [CancellableUntil] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    ALTER TABLE [Orders] ADD [NewCarKeysHandedOver] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    ALTER TABLE [Orders] ADD [PayoutAmount] bigint NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    ALTER TABLE [Orders] ADD [PayoutReference] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    ALTER TABLE [Orders] ADD [RescindedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    ALTER TABLE [Orders] ADD [TaxBasisPointsAtDelivery] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    ALTER TABLE [Orders] ADD [TradeInReducedTaxAtDelivery] bit NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    CREATE TABLE [Custody] (
        [Id] uniqueidentifier NOT NULL,
        [SiteId] uniqueidentifier NOT NULL,
        [CustomerId] uniqueidentifier NOT NULL,
        [Item] nvarchar(16) NOT NULL,
        [Description] nvarchar(200) NOT NULL,
        [Count] int NOT NULL,
        [SubjectType] nvarchar(20) NOT NULL,
        [SubjectId] uniqueidentifier NOT NULL,
        [HolderStaffId] uniqueidentifier NOT NULL,
        [Since] datetime2 NOT NULL,
        [ReleasedAt] datetime2 NULL,
        [ReleasedTo] nvarchar(100) NULL,
        [ReleasedBy] uniqueidentifier NULL,
        [Version] bigint NOT NULL,
        CONSTRAINT [PK_Custody] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Custody_AspNetUsers_HolderStaffId] FOREIGN KEY ([HolderStaffId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Custody_Customers_CustomerId] FOREIGN KEY ([CustomerId]) REFERENCES [Customers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Custody_Sites_SiteId] FOREIGN KEY ([SiteId]) REFERENCES [Sites] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    CREATE TABLE [OrderFees] (
        [Id] int NOT NULL IDENTITY,
        [Kind] nvarchar(24) NOT NULL,
        [Amount] bigint NOT NULL,
        [OrderId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_OrderFees] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OrderFees_Orders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [Orders] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    CREATE TABLE [TradeIns] (
        [Id] uniqueidentifier NOT NULL,
        [SiteId] uniqueidentifier NOT NULL,
        [CustomerId] uniqueidentifier NOT NULL,
        [OrderId] uniqueidentifier NULL,
        [RequestedBy] uniqueidentifier NOT NULL,
        [RequestedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [DeclaredMileage] int NOT NULL,
        [Currency] nchar(3) NOT NULL,
        [Status] nvarchar(24) NOT NULL,
        [LiveVin] nvarchar(17) NULL,
        [LiveOrderId] uniqueidentifier NULL,
        [PayoutAmount] bigint NULL,
        [LenderName] nvarchar(100) NULL,
        [LenderAccount] nvarchar(60) NULL,
        [PayoffAmount] bigint NOT NULL,
        [PayoffPerDiem] bigint NOT NULL,
        [PayoffGoodUntil] date NULL,
        [PayoffInDeal] bigint NULL,
        [MarketValue] bigint NULL,
        [MarketSource] nvarchar(200) NULL,
        [TargetMargin] bigint NULL,
        [SuggestedOffer] bigint NULL,
        [FinalOffer] bigint NULL,
        [OverrideReason] nvarchar(500) NULL,
        [ValidUntil] date NULL,
        [MileageTolerance] int NOT NULL,
        [Hold] nvarchar(10) NOT NULL,
        [RecheckBandPercent] int NOT NULL,
        [AppraisedBy] uniqueidentifier NULL,
        [AppraisedAt] datetime2 NULL,
        [Appraisals] int NOT NULL,
        [OfferViewedAt] datetime2 NULL,
        [AnsweredAt] datetime2 NULL,
        [AnsweredVia] nvarchar(20) NULL,
        [AnswerRecordedBy] uniqueidentifier NULL,
        [ReappraisalNote] nvarchar(500) NULL,
        [ReceivedAt] datetime2 NULL,
        [ReceivedBy] uniqueidentifier NULL,
        [HandoverMileage] int NULL,
        [KeysReceived] int NULL,
        [TitleReceived] bit NOT NULL,
        [CreditedAt] datetime2 NULL,
        [Allowance] bigint NULL,
        [PayoutReference] nvarchar(100) NULL,
        [LienholderNoticeDueBy] date NULL,
        [LienholderNotifiedAt] datetime2 NULL,
        [PayoffDueBy] date NULL,
        [PayoffSentAt] datetime2 NULL,
        [PayoffSentAmount] bigint NULL,
        [PayoffReference] nvarchar(100) NULL,
        [DealerInterest] bigint NOT NULL,
        [PayoffConfirmedAt] datetime2 NULL,
        [PayoffRefundDue] bigint NOT NULL,
        [CancellableUntil] date NULL,
        [PayoffToRecover] bigint NULL,
        [SoldAt] datetime2 NULL,
        [SoldAs] nvarchar(10) NULL,
        [ReturnedAt] datetime2 NULL,
        [CancellationRefund] bigint NULL,
        [AccidentHistory] bit NOT NULL,
        [DeclaredKeys] int NOT NULL,
        [RepairsOver500] bit NOT NULL,
        [SmokeOrLeaks] bit NOT NULL,
        [Title] nvarchar(12) NOT NULL,
        [WarningLights] bit NOT NULL,
        [Make] nvarchar(50) NOT NULL,
        [Model] nvarchar(50) NOT NULL,
        [Trim] nvarchar(50) NULL,
        [Vin] nvarchar(17) NOT NULL,
        [Year] int NOT NULL,
        [Version] bigint NOT NULL,
        CONSTRAINT [PK_TradeIns] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TradeIns_AspNetUsers_RequestedBy] FOREIGN KEY ([RequestedBy]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_TradeIns_Customers_CustomerId] FOREIGN KEY ([CustomerId]) REFERENCES [Customers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_TradeIns_Orders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [Orders] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_TradeIns_Sites_SiteId] FOREIGN KEY ([SiteId]) REFERENCES [Sites] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    CREATE TABLE [TradeInPhotos] (
        [Id] uniqueidentifier NOT NULL,
        [TradeInId] uniqueidentifier NOT NULL,
        [ContentType] nvarchar(40) NOT NULL,
        [Bytes] bigint NOT NULL,
        [StoredName] nvarchar(80) NOT NULL,
        [AddedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_TradeInPhotos] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TradeInPhotos_TradeIns_TradeInId] FOREIGN KEY ([TradeInId]) REFERENCES [TradeIns] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    CREATE TABLE [TradeInReconditioning] (
        [Id] int NOT NULL IDENTITY,
        [Description] nvarchar(200) NOT NULL,
        [Cost] bigint NOT NULL,
        [TradeInId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_TradeInReconditioning] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TradeInReconditioning_TradeIns_TradeInId] FOREIGN KEY ([TradeInId]) REFERENCES [TradeIns] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    CREATE INDEX [IX_Custody_CustomerId] ON [Custody] ([CustomerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    CREATE INDEX [IX_Custody_HolderStaffId] ON [Custody] ([HolderStaffId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    CREATE INDEX [IX_Custody_SiteId_ReleasedAt_Since] ON [Custody] ([SiteId], [ReleasedAt], [Since]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    CREATE INDEX [IX_Custody_SubjectType_SubjectId] ON [Custody] ([SubjectType], [SubjectId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    CREATE INDEX [IX_OrderFees_OrderId] ON [OrderFees] ([OrderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    CREATE INDEX [IX_TradeInPhotos_TradeInId] ON [TradeInPhotos] ([TradeInId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    CREATE INDEX [IX_TradeInReconditioning_TradeInId] ON [TradeInReconditioning] ([TradeInId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    CREATE INDEX [IX_TradeIns_CustomerId] ON [TradeIns] ([CustomerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_TradeIns_LiveOrderId] ON [TradeIns] ([LiveOrderId]) WHERE [LiveOrderId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_TradeIns_LiveVin] ON [TradeIns] ([LiveVin]) WHERE [LiveVin] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    CREATE INDEX [IX_TradeIns_OrderId] ON [TradeIns] ([OrderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    CREATE INDEX [IX_TradeIns_RequestedBy] ON [TradeIns] ([RequestedBy]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    CREATE INDEX [IX_TradeIns_SiteId_Status_RequestedAt] ON [TradeIns] ([SiteId], [Status], [RequestedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    CREATE INDEX [IX_TradeIns_Status_PayoffSentAt_PayoffDueBy] ON [TradeIns] ([Status], [PayoffSentAt], [PayoffDueBy]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128161317_TradeInsCustodyAndItemisedFees'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128161317_TradeInsCustodyAndItemisedFees', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164123_Workshop'
)
BEGIN
    ALTER TABLE [ServiceAppointments] ADD [BookedByCustomer] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164123_Workshop'
)
BEGIN
    ALTER TABLE [ServiceAppointments] ADD [CollectedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164123_Workshop'
)
BEGIN
    ALTER TABLE [ServiceAppointments] ADD [CollectedBy] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164123_Workshop'
)
BEGIN
    ALTER TABLE [ServiceAppointments] ADD [InspectedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164123_Workshop'
)
BEGIN
    ALTER TABLE [ServiceAppointments] ADD [InspectedBy] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164123_Workshop'
)
BEGIN
    ALTER TABLE [ServiceAppointments] ADD [NoShowAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164123_Workshop'
)
BEGIN
    ALTER TABLE [ServiceAppointments] ADD [PaidAmount] bigint NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164123_Workshop'
)
BEGIN
    ALTER TABLE [ServiceAppointments] ADD [PaymentMethod] nvarchar(20) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164123_Workshop'
)
BEGIN
    ALTER TABLE [ServiceAppointments] ADD [PaymentReference] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164123_Workshop'
)
BEGIN
    ALTER TABLE [ServiceAppointments] ADD [ReadyAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164123_Workshop'
)
BEGIN
    ALTER TABLE [ServiceAppointments] ADD [WorkStartedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164123_Workshop'
)
BEGIN
    ALTER TABLE [AppointmentPartLines] ADD [ExtraWorkId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164123_Workshop'
)
BEGIN
    CREATE TABLE [ExtraWork] (
        [Id] uniqueidentifier NOT NULL,
        [FindingNumber] int NOT NULL,
        [Urgency] nvarchar(6) NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [Reason] nvarchar(1000) NOT NULL,
        [IfYouWait] nvarchar(500) NULL,
        [LabourMinutes] int NOT NULL,
        [LabourAmount] bigint NOT NULL,
        [PartsAmount] bigint NOT NULL,
        [ReadyByIfApproved] datetime2 NULL,
        [Status] nvarchar(10) NOT NULL,
        [ProposedAt] datetime2 NOT NULL,
        [ViewedAt] datetime2 NULL,
        [AnsweredAt] datetime2 NULL,
        [AnsweredVia] nvarchar(14) NULL,
        [AnswerRecordedBy] uniqueidentifier NULL,
        [StartedAt] datetime2 NULL,
        [DoneAt] datetime2 NULL,
        [AppointmentId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ExtraWork] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ExtraWork_ServiceAppointments_AppointmentId] FOREIGN KEY ([AppointmentId]) REFERENCES [ServiceAppointments] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164123_Workshop'
)
BEGIN
    CREATE TABLE [InspectionFindings] (
        [Id] int NOT NULL IDENTITY,
        [Number] int NOT NULL,
        [Area] nvarchar(60) NOT NULL,
        [Rating] nvarchar(6) NOT NULL,
        [Note] nvarchar(1000) NULL,
        [AppointmentId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_InspectionFindings] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_InspectionFindings_ServiceAppointments_AppointmentId] FOREIGN KEY ([AppointmentId]) REFERENCES [ServiceAppointments] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164123_Workshop'
)
BEGIN
    CREATE TABLE [InspectionPhotos] (
        [Id] uniqueidentifier NOT NULL,
        [AppointmentId] uniqueidentifier NOT NULL,
        [FindingNumber] int NOT NULL,
        [ContentType] nvarchar(40) NOT NULL,
        [Bytes] bigint NOT NULL,
        [StoredName] nvarchar(80) NOT NULL,
        [AddedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_InspectionPhotos] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_InspectionPhotos_ServiceAppointments_AppointmentId] FOREIGN KEY ([AppointmentId]) REFERENCES [ServiceAppointments] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164123_Workshop'
)
BEGIN
    CREATE TABLE [ExtraWorkParts] (
        [Id] int NOT NULL IDENTITY,
        [PartId] uniqueidentifier NOT NULL,
        [PartNumber] nvarchar(40) NOT NULL,
        [Description] nvarchar(200) NOT NULL,
        [Quantity] int NOT NULL,
        [UnitPrice] bigint NOT NULL,
        [ExtraWorkId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ExtraWorkParts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ExtraWorkParts_ExtraWork_ExtraWorkId] FOREIGN KEY ([ExtraWorkId]) REFERENCES [ExtraWork] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164123_Workshop'
)
BEGIN
    CREATE INDEX [IX_ServiceAppointments_SiteId_Status_PromisedReadyAt] ON [ServiceAppointments] ([SiteId], [Status], [PromisedReadyAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164123_Workshop'
)
BEGIN
    CREATE INDEX [IX_ExtraWork_AppointmentId] ON [ExtraWork] ([AppointmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164123_Workshop'
)
BEGIN
    CREATE INDEX [IX_ExtraWorkParts_ExtraWorkId] ON [ExtraWorkParts] ([ExtraWorkId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164123_Workshop'
)
BEGIN
    CREATE INDEX [IX_InspectionFindings_AppointmentId] ON [InspectionFindings] ([AppointmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164123_Workshop'
)
BEGIN
    CREATE INDEX [IX_InspectionPhotos_AppointmentId] ON [InspectionPhotos] ([AppointmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164123_Workshop'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128164123_Workshop', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128180058_ApprovalsGoodFundsAndPolicies'
)
BEGIN
    ALTER TABLE [Payments] ADD [SettledAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128180058_ApprovalsGoodFundsAndPolicies'
)
BEGIN
    ALTER TABLE [Payments] ADD [SettledBy] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128180058_ApprovalsGoodFundsAndPolicies'
)
BEGIN
    ALTER TABLE [Payments] ADD [SettlementNote] nvarchar(300) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128180058_ApprovalsGoodFundsAndPolicies'
)
BEGIN
    ALTER TABLE [Payments] ADD [VerificationNote] nvarchar(300) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128180058_ApprovalsGoodFundsAndPolicies'
)
BEGIN
    ALTER TABLE [Payments] ADD [VerifiedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128180058_ApprovalsGoodFundsAndPolicies'
)
BEGIN
    ALTER TABLE [Payments] ADD [VerifiedBy] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128180058_ApprovalsGoodFundsAndPolicies'
)
BEGIN
    ALTER TABLE [Decisions] ADD [AnswerNote] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128180058_ApprovalsGoodFundsAndPolicies'
)
BEGIN
    CREATE TABLE [DiscretionPolicies] (
        [Id] uniqueidentifier NOT NULL,
        [SiteId] uniqueidentifier NOT NULL,
        [Role] nvarchar(30) NOT NULL,
        [Action] nvarchar(16) NOT NULL,
        [Allowed] bit NOT NULL,
        [Limit] bigint NULL,
        [Version] bigint NOT NULL,
        CONSTRAINT [PK_DiscretionPolicies] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DiscretionPolicies_Sites_SiteId] FOREIGN KEY ([SiteId]) REFERENCES [Sites] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128180058_ApprovalsGoodFundsAndPolicies'
)
BEGIN
    CREATE TABLE [PolicyChanges] (
        [Id] int NOT NULL IDENTITY,
        [WasAllowed] bit NOT NULL,
        [WasLimit] bigint NULL,
        [Allowed] bit NOT NULL,
        [Limit] bigint NULL,
        [Reason] nvarchar(300) NOT NULL,
        [ChangedBy] uniqueidentifier NOT NULL,
        [ChangedAt] datetime2 NOT NULL,
        [PolicyId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_PolicyChanges] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PolicyChanges_DiscretionPolicies_PolicyId] FOREIGN KEY ([PolicyId]) REFERENCES [DiscretionPolicies] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128180058_ApprovalsGoodFundsAndPolicies'
)
BEGIN
    CREATE UNIQUE INDEX [IX_DiscretionPolicies_SiteId_Role_Action] ON [DiscretionPolicies] ([SiteId], [Role], [Action]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128180058_ApprovalsGoodFundsAndPolicies'
)
BEGIN
    CREATE INDEX [IX_PolicyChanges_PolicyId] ON [PolicyChanges] ([PolicyId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128180058_ApprovalsGoodFundsAndPolicies'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128180058_ApprovalsGoodFundsAndPolicies', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128191359_JourneyAnalytics'
)
BEGIN
    ALTER TABLE [ServiceAppointments] ADD [PartsAtCheckIn] nvarchar(10) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128191359_JourneyAnalytics'
)
BEGIN
    CREATE INDEX [IX_TradeIns_SiteId_PayoffSentAt] ON [TradeIns] ([SiteId], [PayoffSentAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128191359_JourneyAnalytics'
)
BEGIN
    CREATE INDEX [IX_ServiceAppointments_SiteId_CheckedInAt] ON [ServiceAppointments] ([SiteId], [CheckedInAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128191359_JourneyAnalytics'
)
BEGIN
    CREATE INDEX [IX_Promises_SiteId_ResolvedAt] ON [Promises] ([SiteId], [ResolvedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128191359_JourneyAnalytics'
)
BEGIN
    CREATE INDEX [IX_Decisions_SiteId_CreatedAt] ON [Decisions] ([SiteId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128191359_JourneyAnalytics'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128191359_JourneyAnalytics', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128195140_DecisionsOnDeals'
)
BEGIN
    ALTER TABLE [Decisions] ADD [ExtendTo] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128195140_DecisionsOnDeals'
)
BEGIN
    ALTER TABLE [Decisions] ADD [PaymentId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128195140_DecisionsOnDeals'
)
BEGIN
    CREATE TABLE [OrderConcessions] (
        [Id] int NOT NULL IDENTITY,
        [DecisionId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(24) NOT NULL,
        [Amount] bigint NOT NULL,
        [Reason] nvarchar(500) NOT NULL,
        [GrantedAt] datetime2 NOT NULL,
        [OrderId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_OrderConcessions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OrderConcessions_Orders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [Orders] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128195140_DecisionsOnDeals'
)
BEGIN
    CREATE UNIQUE INDEX [IX_OrderConcessions_OrderId_DecisionId] ON [OrderConcessions] ([OrderId], [DecisionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128195140_DecisionsOnDeals'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128195140_DecisionsOnDeals', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128200312_PaymentTerms'
)
BEGIN
    ALTER TABLE [Sites] ADD [AcceptedPaymentMethods] nvarchar(200) NOT NULL DEFAULT N'Cash,Card,Check,CompanyCheck,BankTransfer,LenderFunding,CashiersCheck';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128200312_PaymentTerms'
)
BEGIN
    ALTER TABLE [Sites] ADD [CashLimit] bigint NOT NULL DEFAULT CAST(1000000 AS bigint);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128200312_PaymentTerms'
)
BEGIN
    ALTER TABLE [Sites] ADD [CheckClearanceDays] int NOT NULL DEFAULT 5;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128200312_PaymentTerms'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128200312_PaymentTerms', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128201222_StaffTexts'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [TextApprovals] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128201222_StaffTexts'
)
BEGIN
    CREATE TABLE [StaffTexts] (
        [Id] uniqueidentifier NOT NULL,
        [StaffId] uniqueidentifier NOT NULL,
        [To] nvarchar(16) NOT NULL,
        [Body] nvarchar(300) NOT NULL,
        [DeduplicationKey] nvarchar(120) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [SentAt] datetime2 NULL,
        [Attempts] int NOT NULL,
        [LastError] nvarchar(500) NULL,
        [Dead] bit NOT NULL,
        [ProviderMessageId] nvarchar(64) NULL,
        CONSTRAINT [PK_StaffTexts] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128201222_StaffTexts'
)
BEGIN
    CREATE UNIQUE INDEX [IX_StaffTexts_DeduplicationKey] ON [StaffTexts] ([DeduplicationKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128201222_StaffTexts'
)
BEGIN
    CREATE INDEX [IX_StaffTexts_SentAt_Dead_CreatedAt] ON [StaffTexts] ([SentAt], [Dead], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128201222_StaffTexts'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128201222_StaffTexts', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128201823_DecisionReasons'
)
BEGIN
    ALTER TABLE [Decisions] ADD [Why] nvarchar(16) NOT NULL DEFAULT N'Other';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128201823_DecisionReasons'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128201823_DecisionReasons', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128203740_PaymentsTakenOnRisk'
)
BEGIN
    ALTER TABLE [Payments] ADD [AcceptedOnRisk] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128203740_PaymentsTakenOnRisk'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128203740_PaymentsTakenOnRisk', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128220438_SiteAndStaffManagement'
)
BEGIN
    ALTER TABLE [Sites] ADD [Address] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128220438_SiteAndStaffManagement'
)
BEGIN
    ALTER TABLE [Sites] ADD [PublicEmail] nvarchar(254) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128220438_SiteAndStaffManagement'
)
BEGIN
    ALTER TABLE [Sites] ADD [PublicPhone] nvarchar(30) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128220438_SiteAndStaffManagement'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [MustChangePassword] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128220438_SiteAndStaffManagement'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128220438_SiteAndStaffManagement', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129045300_TouchpointsLastMessageIndex'
)
BEGIN
    CREATE INDEX [IX_Touchpoints_CustomerId_Kind_Direction_OccurredAt] ON [Touchpoints] ([CustomerId], [Kind], [Direction], [OccurredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129045300_TouchpointsLastMessageIndex'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129045300_TouchpointsLastMessageIndex', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129053803_TasksBySubject'
)
BEGIN
    CREATE INDEX [IX_Tasks_SubjectType_SubjectId] ON [Tasks] ([SubjectType], [SubjectId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129053803_TasksBySubject'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129053803_TasksBySubject', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129134830_SeedMarks'
)
BEGIN
    CREATE TABLE [SeedMarks] (
        [Key] nvarchar(100) NOT NULL,
        [SeededAt] datetime2 NOT NULL,
        CONSTRAINT [PK_SeedMarks] PRIMARY KEY ([Key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129134830_SeedMarks'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129134830_SeedMarks', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130111304_ShortagesIndexes'
)
BEGIN
    DROP INDEX [IX_AppointmentPartLines_AppointmentId] ON [AppointmentPartLines];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130111304_ShortagesIndexes'
)
BEGIN
    CREATE INDEX [IX_ServiceAppointments_SiteId_Status_StartsAt_Id_CustomerId] ON [ServiceAppointments] ([SiteId], [Status], [StartsAt], [Id], [CustomerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130111304_ShortagesIndexes'
)
BEGIN
    CREATE INDEX [IX_AppointmentPartLines_AppointmentId_State] ON [AppointmentPartLines] ([AppointmentId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130111304_ShortagesIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130111304_ShortagesIndexes', N'10.0.14');
END;

COMMIT;
GO

