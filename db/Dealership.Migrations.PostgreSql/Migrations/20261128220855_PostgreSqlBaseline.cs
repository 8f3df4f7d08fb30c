using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Dealership.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PostgreSqlBaseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PrimarySiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    MustChangePassword = table.Column<bool>(type: "boolean", nullable: false),
                    TextApprovals = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Scope = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ETag = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Body = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboundMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderMessageId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    From = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboundMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PhoneConsents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PhoneNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OptedOut = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhoneConsents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ServiceOperations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LabourMinutes = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceOperations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    DistanceUnit = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    DefaultPhoneRegion = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Languages = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DeliveryBays = table.Column<int>(type: "integer", nullable: false),
                    CollectionMinutes = table.Column<int>(type: "integer", nullable: false),
                    WorkshopMinutesPerDay = table.Column<int>(type: "integer", nullable: false),
                    AdvisorMinutesPerDay = table.Column<int>(type: "integer", nullable: false),
                    ServiceSlotMinutes = table.Column<int>(type: "integer", nullable: false),
                    LabourRatePerHour = table.Column<long>(type: "bigint", nullable: false),
                    QuietHoursStart = table.Column<TimeOnly>(type: "time without time zone", nullable: false, defaultValue: new TimeOnly(20, 0, 0)),
                    QuietHoursEnd = table.Column<TimeOnly>(type: "time without time zone", nullable: false, defaultValue: new TimeOnly(8, 0, 0)),
                    SalesTaxBasisPoints = table.Column<int>(type: "integer", nullable: false),
                    TradeInReducesTax = table.Column<bool>(type: "boolean", nullable: false),
                    LienholderNoticeDays = table.Column<int>(type: "integer", nullable: false),
                    PayoffDays = table.Column<int>(type: "integer", nullable: false),
                    CancellationWindowDays = table.Column<int>(type: "integer", nullable: false),
                    AcceptedPaymentMethods = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, defaultValue: "Cash,Card,Check,CompanyCheck,BankTransfer,LenderFunding,CashiersCheck"),
                    CashLimit = table.Column<long>(type: "bigint", nullable: false, defaultValue: 1000000L),
                    CheckClearanceDays = table.Column<int>(type: "integer", nullable: false, defaultValue: 5),
                    PublicPhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    PublicEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffTexts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    To = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Body = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DeduplicationKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Dead = table.Column<bool>(type: "boolean", nullable: false),
                    ProviderMessageId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffTexts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Suppliers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    OrderEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    AutoSend = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Suppliers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerStaffId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    CustomerIds = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    DeduplicationKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DoneBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoleId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffAvailability",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffAvailability", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffAvailability_AspNetUsers_StaffId",
                        column: x => x.StaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceOperationParts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceOperationParts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceOperationParts_ServiceOperations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "ServiceOperations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Customers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FirstNameKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LastNameKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    EmailKey = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    MobilePhone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    PreferredChannel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    QuietHoursStart = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    QuietHoursEnd = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    SmsConsent = table.Column<bool>(type: "boolean", nullable: false),
                    SmsConsentChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SmsConsentSource = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EmailConsent = table.Column<bool>(type: "boolean", nullable: false),
                    EmailConsentChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EmailConsentSource = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OwnerStaffId = table.Column<Guid>(type: "uuid", nullable: true),
                    RegisteredAtSiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    SharedContactConfirmedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    SharedContactConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SharedContactNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Customers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Customers_AspNetUsers_OwnerStaffId",
                        column: x => x.OwnerStaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Customers_Sites_RegisteredAtSiteId",
                        column: x => x.RegisteredAtSiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DiscretionPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Allowed = table.Column<bool>(type: "boolean", nullable: false),
                    Limit = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiscretionPolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DiscretionPolicies_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Parts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OnHand = table.Column<int>(type: "integer", nullable: false),
                    Reserved = table.Column<int>(type: "integer", nullable: false),
                    SellPriceAmount = table.Column<long>(type: "bigint", nullable: false),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Parts", x => x.Id);
                    table.CheckConstraint("CK_Parts_Stock", "\"OnHand\" >= 0 AND \"Reserved\" >= 0 AND \"Reserved\" <= \"OnHand\"");
                    table.ForeignKey(
                        name: "FK_Parts_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SiteOpeningHours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Opens = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteOpeningHours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SiteOpeningHours_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffSites",
                columns: table => new
                {
                    StaffUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffSites", x => new { x.StaffUserId, x.SiteId });
                    table.ForeignKey(
                        name: "FK_StaffSites_AspNetUsers_StaffUserId",
                        column: x => x.StaffUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StaffSites_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TemplateVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Subject = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TemplateVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TemplateVersions_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkshopDays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    BookedMinutes = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkshopDays", x => x.Id);
                    table.CheckConstraint("CK_WorkshopDays_Booked", "\"BookedMinutes\" >= 0");
                    table.ForeignKey(
                        name: "FK_WorkshopDays_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartsOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupplierId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ExpectedEta = table.Column<DateOnly>(type: "date", nullable: false),
                    ConfirmedEta = table.Column<DateOnly>(type: "date", nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartsOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartsOrders_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartsOrders_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffBlockedTime",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    From = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Until = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StaffAvailabilityId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffBlockedTime", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffBlockedTime_StaffAvailability_StaffAvailabilityId",
                        column: x => x.StaffAvailabilityId,
                        principalTable: "StaffAvailability",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffWorkingHours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Starts = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Ends = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    StaffAvailabilityId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffWorkingHours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffWorkingHours_StaffAvailability_StaffAvailabilityId",
                        column: x => x.StaffAvailabilityId,
                        principalTable: "StaffAvailability",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Custody",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Item = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    HolderStaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    Since = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReleasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReleasedTo = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReleasedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Custody", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Custody_AspNetUsers_HolderStaffId",
                        column: x => x.HolderStaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Custody_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Custody_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: true),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: true),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    PaymentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ExtendTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Why = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    OutcomeNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AnswerNote = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Decisions_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: true),
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TemplateKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    DeduplicationKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Recipient = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    TemplateData = table.Column<string>(type: "text", nullable: false),
                    Proactive = table.Column<bool>(type: "boolean", nullable: false),
                    Urgent = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    SuppressionReason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ClaimedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LinkTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Body = table.Column<string>(type: "text", nullable: true),
                    ProviderMessageId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeliveredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Orders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerStaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    PriceAmount = table.Column<long>(type: "bigint", nullable: false),
                    FeesAmount = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancellationReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NewCarKeysHandedOver = table.Column<int>(type: "integer", nullable: true),
                    PayoutReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    TaxBasisPointsAtDelivery = table.Column<int>(type: "integer", nullable: true),
                    TradeInReducedTaxAtDelivery = table.Column<bool>(type: "boolean", nullable: true),
                    PayoutAmount = table.Column<long>(type: "bigint", nullable: true),
                    CancellableUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    RescindedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ProposedCollectionTimes = table.Column<DateTime[]>(type: "timestamp with time zone[]", nullable: false),
                    KeysHandedOverBy = table.Column<Guid>(type: "uuid", nullable: true),
                    VehicleColor = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    VehicleMake = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    VehicleModel = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    VehicleOptions = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    VehicleTrim = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    VehicleVin = table.Column<string>(type: "character varying(17)", maxLength: 17, nullable: true),
                    VehicleYear = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Orders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Orders_AspNetUsers_KeysHandedOverBy",
                        column: x => x.KeysHandedOverBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Orders_AspNetUsers_OwnerStaffId",
                        column: x => x.OwnerStaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Orders_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Orders_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Promises",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerStaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    Milestone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    State = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolutionNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Promises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Promises_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Touchpoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: true),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Direction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Actor = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Proactive = table.Column<bool>(type: "boolean", nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    StaffId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubjectType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Touchpoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Touchpoints_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrackingLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    NotificationId = table.Column<Guid>(type: "uuid", nullable: true),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrackingLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrackingLinks_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Vehicles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Vin = table.Column<string>(type: "character(17)", fixedLength: true, maxLength: 17, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Make = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Model = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Trim = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Color = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Odometer = table.Column<int>(type: "integer", nullable: true),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vehicles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Vehicles_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PolicyChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WasAllowed = table.Column<bool>(type: "boolean", nullable: false),
                    WasLimit = table.Column<long>(type: "bigint", nullable: true),
                    Allowed = table.Column<bool>(type: "boolean", nullable: false),
                    Limit = table.Column<long>(type: "bigint", nullable: true),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ChangedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PolicyId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PolicyChanges_DiscretionPolicies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "DiscretionPolicies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartSuppliers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SupplierId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadTimeWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    CostAmount = table.Column<long>(type: "bigint", nullable: false),
                    PartId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartSuppliers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartSuppliers_Parts_PartId",
                        column: x => x.PartId,
                        principalTable: "Parts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartSuppliers_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PartsOrderLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    UnitCost = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedQuantity = table.Column<int>(type: "integer", nullable: false),
                    LeadTimeWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    PartsOrderId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartsOrderLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartsOrderLines_PartsOrders_PartsOrderId",
                        column: x => x.PartsOrderId,
                        principalTable: "PartsOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupplierEmails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartsOrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    To = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    ToName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierEmails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplierEmails_PartsOrders_PartsOrderId",
                        column: x => x.PartsOrderId,
                        principalTable: "PartsOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CollectionBookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerStaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    Bay = table.Column<int>(type: "integer", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChosenByCustomer = table.Column<bool>(type: "boolean", nullable: false),
                    StatedVia = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, defaultValue: "TrackingPage"),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    BookedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectionBookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollectionBookings_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderChecklist",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Item = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    DoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DoneBy = table.Column<Guid>(type: "uuid", nullable: true),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderChecklist", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderChecklist_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderConcessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderConcessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderConcessions_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderFees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderFees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderFees_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderMilestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Milestone = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    PromisedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ReachedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastChangeReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LastChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderMilestones_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ReceivedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    VerifiedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    VerificationNote = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SettledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SettledBy = table.Column<Guid>(type: "uuid", nullable: true),
                    SettlementNote = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AcceptedOnRisk = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Payments_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TradeIns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: true),
                    RequestedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeclaredMileage = table.Column<int>(type: "integer", nullable: false),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    LiveVin = table.Column<string>(type: "character varying(17)", maxLength: 17, nullable: true),
                    LiveOrderId = table.Column<Guid>(type: "uuid", nullable: true),
                    PayoutAmount = table.Column<long>(type: "bigint", nullable: true),
                    LenderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LenderAccount = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    PayoffAmount = table.Column<long>(type: "bigint", nullable: false),
                    PayoffPerDiem = table.Column<long>(type: "bigint", nullable: false),
                    PayoffGoodUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    PayoffInDeal = table.Column<long>(type: "bigint", nullable: true),
                    MarketValue = table.Column<long>(type: "bigint", nullable: true),
                    MarketSource = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TargetMargin = table.Column<long>(type: "bigint", nullable: true),
                    SuggestedOffer = table.Column<long>(type: "bigint", nullable: true),
                    FinalOffer = table.Column<long>(type: "bigint", nullable: true),
                    OverrideReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    MileageTolerance = table.Column<int>(type: "integer", nullable: false),
                    Hold = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    RecheckBandPercent = table.Column<int>(type: "integer", nullable: false),
                    AppraisedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    AppraisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Appraisals = table.Column<int>(type: "integer", nullable: false),
                    OfferViewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredVia = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    AnswerRecordedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ReappraisalNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReceivedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    HandoverMileage = table.Column<int>(type: "integer", nullable: true),
                    KeysReceived = table.Column<int>(type: "integer", nullable: true),
                    TitleReceived = table.Column<bool>(type: "boolean", nullable: false),
                    CreditedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Allowance = table.Column<long>(type: "bigint", nullable: true),
                    PayoutReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LienholderNoticeDueBy = table.Column<DateOnly>(type: "date", nullable: true),
                    LienholderNotifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PayoffDueBy = table.Column<DateOnly>(type: "date", nullable: true),
                    PayoffSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PayoffSentAmount = table.Column<long>(type: "bigint", nullable: true),
                    PayoffReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DealerInterest = table.Column<long>(type: "bigint", nullable: false),
                    PayoffConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PayoffRefundDue = table.Column<long>(type: "bigint", nullable: false),
                    CancellableUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    PayoffToRecover = table.Column<long>(type: "bigint", nullable: true),
                    SoldAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SoldAs = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ReturnedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancellationRefund = table.Column<long>(type: "bigint", nullable: true),
                    AccidentHistory = table.Column<bool>(type: "boolean", nullable: false),
                    DeclaredKeys = table.Column<int>(type: "integer", nullable: false),
                    RepairsOver500 = table.Column<bool>(type: "boolean", nullable: false),
                    SmokeOrLeaks = table.Column<bool>(type: "boolean", nullable: false),
                    Title = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    WarningLights = table.Column<bool>(type: "boolean", nullable: false),
                    Make = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Model = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Trim = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Vin = table.Column<string>(type: "character varying(17)", maxLength: 17, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TradeIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TradeIns_AspNetUsers_RequestedBy",
                        column: x => x.RequestedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TradeIns_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TradeIns_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TradeIns_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceAppointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    VehicleId = table.Column<Guid>(type: "uuid", nullable: false),
                    AdvisorStaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    Concern = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    WalkIn = table.Column<bool>(type: "boolean", nullable: false),
                    LabourMinutes = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Readiness = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    WaitedForParts = table.Column<bool>(type: "boolean", nullable: false),
                    AtRiskSince = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    BookedByCustomer = table.Column<bool>(type: "boolean", nullable: false),
                    LastChangeReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Mileage = table.Column<int>(type: "integer", nullable: true),
                    ConcernConfirmed = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    UpdatesContact = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    PromisedReadyAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CheckedInAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PartsAtCheckIn = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    CheckedInBy = table.Column<Guid>(type: "uuid", nullable: true),
                    WorkStartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    InspectedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    InspectedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ReadyAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CollectedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CollectedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    NoShowAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PaidAmount = table.Column<long>(type: "bigint", nullable: true),
                    PaymentMethod = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PaymentReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceAppointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceAppointments_AspNetUsers_AdvisorStaffId",
                        column: x => x.AdvisorStaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceAppointments_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceAppointments_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceAppointments_Vehicles_VehicleId",
                        column: x => x.VehicleId,
                        principalTable: "Vehicles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TradeInPhotos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TradeInId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Bytes = table.Column<long>(type: "bigint", nullable: false),
                    StoredName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TradeInPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TradeInPhotos_TradeIns_TradeInId",
                        column: x => x.TradeInId,
                        principalTable: "TradeIns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TradeInReconditioning",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Cost = table.Column<long>(type: "bigint", nullable: false),
                    TradeInId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TradeInReconditioning", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TradeInReconditioning_TradeIns_TradeInId",
                        column: x => x.TradeInId,
                        principalTable: "TradeIns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AppointmentOperations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LabourMinutes = table.Column<int>(type: "integer", nullable: false),
                    AppointmentId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppointmentOperations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppointmentOperations_ServiceAppointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "ServiceAppointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AppointmentPartLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ExtraWorkId = table.Column<Guid>(type: "uuid", nullable: true),
                    PartsOrderId = table.Column<Guid>(type: "uuid", nullable: true),
                    Eta = table.Column<DateOnly>(type: "date", nullable: true),
                    AppointmentId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppointmentPartLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppointmentPartLines_Parts_PartId",
                        column: x => x.PartId,
                        principalTable: "Parts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AppointmentPartLines_ServiceAppointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "ServiceAppointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExtraWork",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FindingNumber = table.Column<int>(type: "integer", nullable: false),
                    Urgency = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IfYouWait = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LabourMinutes = table.Column<int>(type: "integer", nullable: false),
                    LabourAmount = table.Column<long>(type: "bigint", nullable: false),
                    PartsAmount = table.Column<long>(type: "bigint", nullable: false),
                    ReadyByIfApproved = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ViewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredVia = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    AnswerRecordedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AppointmentId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtraWork", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExtraWork_ServiceAppointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "ServiceAppointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionFindings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Area = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Rating = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AppointmentId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionFindings_ServiceAppointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "ServiceAppointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionPhotos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AppointmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    FindingNumber = table.Column<int>(type: "integer", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Bytes = table.Column<long>(type: "bigint", nullable: false),
                    StoredName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionPhotos_ServiceAppointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "ServiceAppointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExtraWorkParts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    UnitPrice = table.Column<long>(type: "bigint", nullable: false),
                    ExtraWorkId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtraWorkParts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExtraWorkParts_ExtraWork_ExtraWorkId",
                        column: x => x.ExtraWorkId,
                        principalTable: "ExtraWork",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentOperations_AppointmentId",
                table: "AppointmentOperations",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentPartLines_AppointmentId",
                table: "AppointmentPartLines",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentPartLines_PartId_State",
                table: "AppointmentPartLines",
                columns: new[] { "PartId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentPartLines_PartsOrderId",
                table: "AppointmentPartLines",
                column: "PartsOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CollectionBookings_OrderId",
                table: "CollectionBookings",
                column: "OrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CollectionBookings_OwnerStaffId_StartsAt",
                table: "CollectionBookings",
                columns: new[] { "OwnerStaffId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CollectionBookings_SiteId_Bay_StartsAt",
                table: "CollectionBookings",
                columns: new[] { "SiteId", "Bay", "StartsAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Custody_CustomerId",
                table: "Custody",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Custody_HolderStaffId",
                table: "Custody",
                column: "HolderStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_Custody_SiteId_ReleasedAt_Since",
                table: "Custody",
                columns: new[] { "SiteId", "ReleasedAt", "Since" });

            migrationBuilder.CreateIndex(
                name: "IX_Custody_SubjectType_SubjectId",
                table: "Custody",
                columns: new[] { "SubjectType", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_EmailKey",
                table: "Customers",
                column: "EmailKey");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_FirstNameKey",
                table: "Customers",
                column: "FirstNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_LastNameKey_FirstNameKey",
                table: "Customers",
                columns: new[] { "LastNameKey", "FirstNameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_MobilePhone",
                table: "Customers",
                column: "MobilePhone");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OwnerStaffId",
                table: "Customers",
                column: "OwnerStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_RegisteredAtSiteId",
                table: "Customers",
                column: "RegisteredAtSiteId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_CustomerId",
                table: "Decisions",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_SiteId_CreatedAt",
                table: "Decisions",
                columns: new[] { "SiteId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_SiteId_Status_CreatedAt",
                table: "Decisions",
                columns: new[] { "SiteId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_StaffId_CreatedAt",
                table: "Decisions",
                columns: new[] { "StaffId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_SubjectType_SubjectId",
                table: "Decisions",
                columns: new[] { "SubjectType", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_DiscretionPolicies_SiteId_Role_Action",
                table: "DiscretionPolicies",
                columns: new[] { "SiteId", "Role", "Action" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExtraWork_AppointmentId",
                table: "ExtraWork",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ExtraWorkParts_ExtraWorkId",
                table: "ExtraWorkParts",
                column: "ExtraWorkId");

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_CreatedAt",
                table: "IdempotencyRecords",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_Scope_Key",
                table: "IdempotencyRecords",
                columns: new[] { "Scope", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboundMessages_ProviderMessageId",
                table: "InboundMessages",
                column: "ProviderMessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_AppointmentId",
                table: "InspectionFindings",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionPhotos_AppointmentId",
                table: "InspectionPhotos",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_CustomerId_CreatedAt",
                table: "Notifications",
                columns: new[] { "CustomerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_DeduplicationKey",
                table: "Notifications",
                column: "DeduplicationKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ProviderMessageId",
                table: "Notifications",
                column: "ProviderMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Status_DueAt",
                table: "Notifications",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderChecklist_OrderId",
                table: "OrderChecklist",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderConcessions_OrderId_DecisionId",
                table: "OrderConcessions",
                columns: new[] { "OrderId", "DecisionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrderFees_OrderId",
                table: "OrderFees",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderMilestones_OrderId_Milestone",
                table: "OrderMilestones",
                columns: new[] { "OrderId", "Milestone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_CustomerId",
                table: "Orders",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_KeysHandedOverBy",
                table: "Orders",
                column: "KeysHandedOverBy");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_OwnerStaffId_Status",
                table: "Orders",
                columns: new[] { "OwnerStaffId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_SiteId_Status_CancelledAt",
                table: "Orders",
                columns: new[] { "SiteId", "Status", "CancelledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Parts_SiteId_PartNumber",
                table: "Parts",
                columns: new[] { "SiteId", "PartNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartsOrderLines_PartId",
                table: "PartsOrderLines",
                column: "PartId");

            migrationBuilder.CreateIndex(
                name: "IX_PartsOrderLines_PartsOrderId",
                table: "PartsOrderLines",
                column: "PartsOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_PartsOrders_Reference",
                table: "PartsOrders",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartsOrders_SiteId_Status_CreatedAt",
                table: "PartsOrders",
                columns: new[] { "SiteId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PartsOrders_SiteId_SupplierId_Status",
                table: "PartsOrders",
                columns: new[] { "SiteId", "SupplierId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PartsOrders_SupplierId",
                table: "PartsOrders",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_PartSuppliers_PartId_SupplierId",
                table: "PartSuppliers",
                columns: new[] { "PartId", "SupplierId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartSuppliers_SupplierId",
                table: "PartSuppliers",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_OrderId",
                table: "Payments",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_PhoneConsents_PhoneNumber",
                table: "PhoneConsents",
                column: "PhoneNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PolicyChanges_PolicyId",
                table: "PolicyChanges",
                column: "PolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_Promises_CustomerId",
                table: "Promises",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Promises_OwnerStaffId_State_DueAt",
                table: "Promises",
                columns: new[] { "OwnerStaffId", "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Promises_SiteId_ResolvedAt",
                table: "Promises",
                columns: new[] { "SiteId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Promises_SiteId_State",
                table: "Promises",
                columns: new[] { "SiteId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Promises_State_DueAt",
                table: "Promises",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Promises_SubjectId_Milestone",
                table: "Promises",
                columns: new[] { "SubjectId", "Milestone" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAppointments_AdvisorStaffId_Date",
                table: "ServiceAppointments",
                columns: new[] { "AdvisorStaffId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAppointments_CustomerId",
                table: "ServiceAppointments",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAppointments_SiteId_CheckedInAt",
                table: "ServiceAppointments",
                columns: new[] { "SiteId", "CheckedInAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAppointments_SiteId_Date_Status",
                table: "ServiceAppointments",
                columns: new[] { "SiteId", "Date", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAppointments_SiteId_Status_PromisedReadyAt",
                table: "ServiceAppointments",
                columns: new[] { "SiteId", "Status", "PromisedReadyAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAppointments_Status_Date",
                table: "ServiceAppointments",
                columns: new[] { "Status", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAppointments_VehicleId",
                table: "ServiceAppointments",
                column: "VehicleId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOperationParts_OperationId",
                table: "ServiceOperationParts",
                column: "OperationId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOperations_Code",
                table: "ServiceOperations",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SiteOpeningHours_SiteId",
                table: "SiteOpeningHours",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_Sites_Code",
                table: "Sites",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffAvailability_StaffId",
                table: "StaffAvailability",
                column: "StaffId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffBlockedTime_StaffAvailabilityId",
                table: "StaffBlockedTime",
                column: "StaffAvailabilityId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffSites_SiteId",
                table: "StaffSites",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffTexts_DeduplicationKey",
                table: "StaffTexts",
                column: "DeduplicationKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffTexts_SentAt_Dead_CreatedAt",
                table: "StaffTexts",
                columns: new[] { "SentAt", "Dead", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffWorkingHours_StaffAvailabilityId",
                table: "StaffWorkingHours",
                column: "StaffAvailabilityId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierEmails_PartsOrderId",
                table: "SupplierEmails",
                column: "PartsOrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupplierEmails_Status_DueAt",
                table: "SupplierEmails",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Suppliers_Name",
                table: "Suppliers",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_DeduplicationKey",
                table: "Tasks",
                column: "DeduplicationKey",
                unique: true,
                filter: "\"DeduplicationKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_OwnerStaffId_Status_DueAt",
                table: "Tasks",
                columns: new[] { "OwnerStaffId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_SiteId_Status",
                table: "Tasks",
                columns: new[] { "SiteId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TemplateVersions_SiteId_Key_Channel_Language_Number",
                table: "TemplateVersions",
                columns: new[] { "SiteId", "Key", "Channel", "Language", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Touchpoints_CustomerId_OccurredAt",
                table: "Touchpoints",
                columns: new[] { "CustomerId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Touchpoints_SiteId_OccurredAt",
                table: "Touchpoints",
                columns: new[] { "SiteId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TrackingLinks_CustomerId",
                table: "TrackingLinks",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_TrackingLinks_TokenHash",
                table: "TrackingLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TradeInPhotos_TradeInId",
                table: "TradeInPhotos",
                column: "TradeInId");

            migrationBuilder.CreateIndex(
                name: "IX_TradeInReconditioning_TradeInId",
                table: "TradeInReconditioning",
                column: "TradeInId");

            migrationBuilder.CreateIndex(
                name: "IX_TradeIns_CustomerId",
                table: "TradeIns",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_TradeIns_LiveOrderId",
                table: "TradeIns",
                column: "LiveOrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TradeIns_LiveVin",
                table: "TradeIns",
                column: "LiveVin",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TradeIns_OrderId",
                table: "TradeIns",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_TradeIns_RequestedBy",
                table: "TradeIns",
                column: "RequestedBy");

            migrationBuilder.CreateIndex(
                name: "IX_TradeIns_SiteId_PayoffSentAt",
                table: "TradeIns",
                columns: new[] { "SiteId", "PayoffSentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TradeIns_SiteId_Status_RequestedAt",
                table: "TradeIns",
                columns: new[] { "SiteId", "Status", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TradeIns_Status_PayoffSentAt_PayoffDueBy",
                table: "TradeIns",
                columns: new[] { "Status", "PayoffSentAt", "PayoffDueBy" });

            migrationBuilder.CreateIndex(
                name: "IX_Vehicles_CustomerId",
                table: "Vehicles",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Vehicles_Vin",
                table: "Vehicles",
                column: "Vin",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopDays_SiteId_Date",
                table: "WorkshopDays",
                columns: new[] { "SiteId", "Date" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppointmentOperations");

            migrationBuilder.DropTable(
                name: "AppointmentPartLines");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "CollectionBookings");

            migrationBuilder.DropTable(
                name: "Custody");

            migrationBuilder.DropTable(
                name: "Decisions");

            migrationBuilder.DropTable(
                name: "ExtraWorkParts");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "InboundMessages");

            migrationBuilder.DropTable(
                name: "InspectionFindings");

            migrationBuilder.DropTable(
                name: "InspectionPhotos");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "OrderChecklist");

            migrationBuilder.DropTable(
                name: "OrderConcessions");

            migrationBuilder.DropTable(
                name: "OrderFees");

            migrationBuilder.DropTable(
                name: "OrderMilestones");

            migrationBuilder.DropTable(
                name: "PartsOrderLines");

            migrationBuilder.DropTable(
                name: "PartSuppliers");

            migrationBuilder.DropTable(
                name: "Payments");

            migrationBuilder.DropTable(
                name: "PhoneConsents");

            migrationBuilder.DropTable(
                name: "PolicyChanges");

            migrationBuilder.DropTable(
                name: "Promises");

            migrationBuilder.DropTable(
                name: "ServiceOperationParts");

            migrationBuilder.DropTable(
                name: "SiteOpeningHours");

            migrationBuilder.DropTable(
                name: "StaffBlockedTime");

            migrationBuilder.DropTable(
                name: "StaffSites");

            migrationBuilder.DropTable(
                name: "StaffTexts");

            migrationBuilder.DropTable(
                name: "StaffWorkingHours");

            migrationBuilder.DropTable(
                name: "SupplierEmails");

            migrationBuilder.DropTable(
                name: "Tasks");

            migrationBuilder.DropTable(
                name: "TemplateVersions");

            migrationBuilder.DropTable(
                name: "Touchpoints");

            migrationBuilder.DropTable(
                name: "TrackingLinks");

            migrationBuilder.DropTable(
                name: "TradeInPhotos");

            migrationBuilder.DropTable(
                name: "TradeInReconditioning");

            migrationBuilder.DropTable(
                name: "WorkshopDays");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "ExtraWork");

            migrationBuilder.DropTable(
                name: "Parts");

            migrationBuilder.DropTable(
                name: "DiscretionPolicies");

            migrationBuilder.DropTable(
                name: "ServiceOperations");

            migrationBuilder.DropTable(
                name: "StaffAvailability");

            migrationBuilder.DropTable(
                name: "PartsOrders");

            migrationBuilder.DropTable(
                name: "TradeIns");

            migrationBuilder.DropTable(
                name: "ServiceAppointments");

            migrationBuilder.DropTable(
                name: "Suppliers");

            migrationBuilder.DropTable(
                name: "Orders");

            migrationBuilder.DropTable(
                name: "Vehicles");

            migrationBuilder.DropTable(
                name: "Customers");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Sites");
        }
    }
}
