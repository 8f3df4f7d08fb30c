using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dealership.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CollectionBookings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CollectionMinutes",
                table: "Sites",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "DeliveryBays",
                table: "Sites",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "KeysHandedOverBy",
                table: "Orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CollectionBookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerStaffId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Bay = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChosenByCustomer = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    BookedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "StaffAvailability",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "StaffBlockedTime",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    From = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Until = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StaffAvailabilityId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Starts = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Ends = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    StaffAvailabilityId = table.Column<Guid>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_Orders_KeysHandedOverBy",
                table: "Orders",
                column: "KeysHandedOverBy");

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
                name: "IX_StaffAvailability_StaffId",
                table: "StaffAvailability",
                column: "StaffId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffBlockedTime_StaffAvailabilityId",
                table: "StaffBlockedTime",
                column: "StaffAvailabilityId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffWorkingHours_StaffAvailabilityId",
                table: "StaffWorkingHours",
                column: "StaffAvailabilityId");

            migrationBuilder.AddForeignKey(
                name: "FK_Orders_AspNetUsers_KeysHandedOverBy",
                table: "Orders",
                column: "KeysHandedOverBy",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Orders_AspNetUsers_KeysHandedOverBy",
                table: "Orders");

            migrationBuilder.DropTable(
                name: "CollectionBookings");

            migrationBuilder.DropTable(
                name: "StaffBlockedTime");

            migrationBuilder.DropTable(
                name: "StaffWorkingHours");

            migrationBuilder.DropTable(
                name: "StaffAvailability");

            migrationBuilder.DropIndex(
                name: "IX_Orders_KeysHandedOverBy",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "CollectionMinutes",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "DeliveryBays",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "KeysHandedOverBy",
                table: "Orders");
        }
    }
}
