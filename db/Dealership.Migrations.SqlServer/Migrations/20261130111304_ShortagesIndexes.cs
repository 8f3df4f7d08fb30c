using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dealership.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ShortagesIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AppointmentPartLines_AppointmentId",
                table: "AppointmentPartLines");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAppointments_SiteId_Status_StartsAt_Id_CustomerId",
                table: "ServiceAppointments",
                columns: new[] { "SiteId", "Status", "StartsAt", "Id", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentPartLines_AppointmentId_State",
                table: "AppointmentPartLines",
                columns: new[] { "AppointmentId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ServiceAppointments_SiteId_Status_StartsAt_Id_CustomerId",
                table: "ServiceAppointments");

            migrationBuilder.DropIndex(
                name: "IX_AppointmentPartLines_AppointmentId_State",
                table: "AppointmentPartLines");

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentPartLines_AppointmentId",
                table: "AppointmentPartLines",
                column: "AppointmentId");
        }
    }
}
