using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dealership.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TradeInsCustodyAndItemisedFees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CancellationWindowDays",
                table: "Sites",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LienholderNoticeDays",
                table: "Sites",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PayoffDays",
                table: "Sites",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SalesTaxBasisPoints",
                table: "Sites",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "TradeInReducesTax",
                table: "Sites",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CancellableUntil",
                table: "Orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NewCarKeysHandedOver",
                table: "Orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PayoutAmount",
                table: "Orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PayoutReference",
                table: "Orders",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RescindedAt",
                table: "Orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TaxBasisPointsAtDelivery",
                table: "Orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "TradeInReducedTaxAtDelivery",
                table: "Orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Custody",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HolderStaffId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Since = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReleasedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReleasedTo = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReleasedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "OrderFees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "TradeIns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeclaredMileage = table.Column<int>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    LiveVin = table.Column<string>(type: "TEXT", maxLength: 17, nullable: true),
                    LiveOrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PayoutAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    LenderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LenderAccount = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    PayoffAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    PayoffPerDiem = table.Column<long>(type: "INTEGER", nullable: false),
                    PayoffGoodUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PayoffInDeal = table.Column<long>(type: "INTEGER", nullable: true),
                    MarketValue = table.Column<long>(type: "INTEGER", nullable: true),
                    MarketSource = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TargetMargin = table.Column<long>(type: "INTEGER", nullable: true),
                    SuggestedOffer = table.Column<long>(type: "INTEGER", nullable: true),
                    FinalOffer = table.Column<long>(type: "INTEGER", nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MileageTolerance = table.Column<int>(type: "INTEGER", nullable: false),
                    Hold = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RecheckBandPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    AppraisedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    AppraisedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Appraisals = table.Column<int>(type: "INTEGER", nullable: false),
                    OfferViewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredVia = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AnswerRecordedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReappraisalNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReceivedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    HandoverMileage = table.Column<int>(type: "INTEGER", nullable: true),
                    KeysReceived = table.Column<int>(type: "INTEGER", nullable: true),
                    TitleReceived = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreditedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Allowance = table.Column<long>(type: "INTEGER", nullable: true),
                    PayoutReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LienholderNoticeDueBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LienholderNotifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PayoffDueBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PayoffSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PayoffSentAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    PayoffReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DealerInterest = table.Column<long>(type: "INTEGER", nullable: false),
                    PayoffConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PayoffRefundDue = table.Column<long>(type: "INTEGER", nullable: false),
                    CancellableUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PayoffToRecover = table.Column<long>(type: "INTEGER", nullable: true),
                    SoldAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SoldAs = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ReturnedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancellationRefund = table.Column<long>(type: "INTEGER", nullable: true),
                    AccidentHistory = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeclaredKeys = table.Column<int>(type: "INTEGER", nullable: false),
                    RepairsOver500 = table.Column<bool>(type: "INTEGER", nullable: false),
                    SmokeOrLeaks = table.Column<bool>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    WarningLights = table.Column<bool>(type: "INTEGER", nullable: false),
                    Make = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Trim = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Vin = table.Column<string>(type: "TEXT", maxLength: 17, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "TradeInPhotos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TradeInId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Cost = table.Column<long>(type: "INTEGER", nullable: false),
                    TradeInId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "IX_OrderFees_OrderId",
                table: "OrderFees",
                column: "OrderId");

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
                name: "IX_TradeIns_SiteId_Status_RequestedAt",
                table: "TradeIns",
                columns: new[] { "SiteId", "Status", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TradeIns_Status_PayoffSentAt_PayoffDueBy",
                table: "TradeIns",
                columns: new[] { "Status", "PayoffSentAt", "PayoffDueBy" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Custody");

            migrationBuilder.DropTable(
                name: "OrderFees");

            migrationBuilder.DropTable(
                name: "TradeInPhotos");

            migrationBuilder.DropTable(
                name: "TradeInReconditioning");

            migrationBuilder.DropTable(
                name: "TradeIns");

            migrationBuilder.DropColumn(
                name: "CancellationWindowDays",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "LienholderNoticeDays",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "PayoffDays",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "SalesTaxBasisPoints",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "TradeInReducesTax",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "CancellableUntil",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "NewCarKeysHandedOver",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "PayoutAmount",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "PayoutReference",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "RescindedAt",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "TaxBasisPointsAtDelivery",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "TradeInReducedTaxAtDelivery",
                table: "Orders");
        }
    }
}
