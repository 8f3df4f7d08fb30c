using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dealership.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class JourneyAnalytics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PartsAtCheckIn",
                table: "ServiceAppointments",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TradeIns_SiteId_PayoffSentAt",
                table: "TradeIns",
                columns: new[] { "SiteId", "PayoffSentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAppointments_SiteId_CheckedInAt",
                table: "ServiceAppointments",
                columns: new[] { "SiteId", "CheckedInAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Promises_SiteId_ResolvedAt",
                table: "Promises",
                columns: new[] { "SiteId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_SiteId_CreatedAt",
                table: "Decisions",
                columns: new[] { "SiteId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TradeIns_SiteId_PayoffSentAt",
                table: "TradeIns");

            migrationBuilder.DropIndex(
                name: "IX_ServiceAppointments_SiteId_CheckedInAt",
                table: "ServiceAppointments");

            migrationBuilder.DropIndex(
                name: "IX_Promises_SiteId_ResolvedAt",
                table: "Promises");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_SiteId_CreatedAt",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "PartsAtCheckIn",
                table: "ServiceAppointments");
        }
    }
}
